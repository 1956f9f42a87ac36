package io.glostream.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sweep}: one {@code e2e} run per batch size and thread count, each on a fresh broker and app in this JVM,
 * a JSON file per run and one plot of them all.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs e2e for every batch size and thread count given (a fresh broker and",
            "app each), writes each run's JSON into --out and plots them all."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    E2eOptions options = new E2eOptions();

    @Option(names = "--batch-sizes", paramLabel = "B,...", split = ",", defaultValue = "16,64,256",
            description = "Batch sizes to run (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--thread-counts", paramLabel = "T,...", split = ",", defaultValue = "1,2",
            description = "Stream thread counts to run (default: ${DEFAULT-VALUE}).")
    List<Integer> threadCounts;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory of the runs' JSON files (e2e-sweep-b<B>-t<T>.json).")
    Path out;

    @Option(names = "--png", paramLabel = "FILE", description = "The plot (default: DIR/e2e-sweep.png).")
    Path png;

    @Override
    public Integer call() throws Exception {
        E2eSettings base = options.settings();
        List<JsonNode> runs = new ArrayList<>();
        String command = E2eCommand.commandLine(spec);
        for (int threads : threadCounts) {
            for (int batchSize : batchSizes) {
                E2eSettings settings = base.with(batchSize, threads);
                E2eResult result = new E2eHarness(settings, System.err).run(command
                        + String.format(Locale.ROOT, " (run: --batch-size %d --threads %d)", batchSize, threads));
                System.err.println(E2eCommand.summary(result));
                result.write(out.resolve(String.format(Locale.ROOT, "e2e-sweep-b%d-t%d.json", batchSize, threads)));
                runs.add(result.toJsonTree());
            }
        }
        Path plot = png == null ? out.resolve("e2e-sweep.png") : png;
        E2eChart.write(runs, plot);
        spec.commandLine().getOut().printf("%d runs in %s, plot %s%n", runs.size(), out, plot);
        return 0;
    }
}
