package io.glostream.bench.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plot}: one PNG of several {@code e2e} results files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plots throughput (with the bound) and p99 latency of several e2e results files.")
public final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JSON", arity = "1..*", description = "Results files written by e2e --json or sweep.")
    List<Path> files;

    @Option(names = "--png", paramLabel = "FILE", required = true, description = "The plot to write.")
    Path png;

    @Override
    public Integer call() throws Exception {
        E2eChart.write(E2eChart.read(files), png);
        spec.commandLine().getOut().printf("plotted %d runs into %s%n", files.size(), png);
        return 0;
    }
}
