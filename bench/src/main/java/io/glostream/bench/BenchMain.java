package io.glostream.bench;

import io.glostream.core.cli.CommandLineErrors;
import io.glostream.bench.e2e.E2eCommand;
import io.glostream.bench.e2e.JfrHotSpotsCommand;
import io.glostream.bench.e2e.PlotCommand;
import io.glostream.bench.e2e.SweepCommand;
import io.glostream.stream.model.ModelRefusedException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code glostream-bench.jar}: the harness commands ({@code e2e}, {@code sweep}, {@code plot},
 * {@code jfr-hot}) by name; anything else goes to JMH's own main unchanged, so
 * {@code java -jar glostream-bench.jar FeaturizeBenchmark -f 1} and {@code -l} work as before.
 */
@Command(name = "glostream-bench", mixinStandardHelpOptions = true, version = "glostream-bench 0.1.0",
        description = {"Benchmarks of glostream. Harness commands below; any other arguments run",
            "JMH (e.g. `FeaturizeBenchmark -f 1`; `-l` lists the benchmarks, `-h` shows",
            "JMH's options)."},
        subcommands = {E2eCommand.class, SweepCommand.class, PlotCommand.class, JfrHotSpotsCommand.class,
            CommandLine.HelpCommand.class})
public final class BenchMain {

    /** Exit code for input the user can fix, or a run that could not finish. */
    public static final int EXIT_BAD_INPUT = CommandLineErrors.EXIT_BAD_INPUT;
    /** Exit code for other failures. */
    public static final int EXIT_FAILURE = CommandLineErrors.EXIT_FAILURE;

    private static final Set<String> HARNESS = Set.of("e2e", "sweep", "plot", "jfr-hot", "help", "--help", "--version");

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !HARNESS.contains(args[0])) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs a harness command and returns its exit code; errors are reported as one line on standard error. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new BenchMain());
        CommandLineErrors.install(cli, "glostream-bench", IllegalStateException.class, ModelRefusedException.class);
        return cli.execute(args);
    }
}
