package io.glostream.bench.e2e;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code e2e}: one end-to-end run, printed as JSON and optionally written to a file and a plot. */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"Starts a broker, preloads documents, runs the stream app on them and",
            "measures sustained documents/s, then latency at a fixed input rate, then",
            "featurise + infer alone (the bound)."})
public final class E2eCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    E2eOptions options = new E2eOptions();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results here as JSON.")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "Plot this run's throughput and p99 here.")
    Path png;

    @Override
    public Integer call() throws Exception {
        E2eResult result = new E2eHarness(options.settings(), System.err).run(commandLine(spec));
        spec.commandLine().getOut().println(result.toJson());
        System.err.println(summary(result));
        if (json != null) {
            result.write(json);
        }
        if (png != null) {
            E2eChart.write(List.of(result.toJsonTree()), png);
        }
        return 0;
    }

    /** One line of the headline figures. */
    static String summary(E2eResult r) {
        return String.format(Locale.ROOT, "%s %s: %,.0f docs/s end to end, bound %,.0f docs/s (ratio %.2f); "
                + "p50/p99/p99.9 %.0f/%.0f/%.0f ms to append at %,.0f docs/s; GC %.1f%% of the time, heap max %.0f MB",
                r.langMix(), r.guarantee(), r.docsPerS(), r.boundDocsPerS(), r.ratioToBound(), r.p50Ms(), r.p99Ms(),
                r.p999Ms(), r.latencyRateDocsPerS(), 100 * r.gcTimeShare(), r.heapMaxMb());
    }

    /** The command as typed, as far as this JVM can tell: the jar's subcommand and its arguments. */
    static String commandLine(CommandSpec spec) {
        StringBuilder line = new StringBuilder("java");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            line.append(' ').append(arg);
        }
        line.append(" -jar bench/target/glostream-bench.jar");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            line.append(' ').append(arg);
        }
        return line.toString();
    }
}
