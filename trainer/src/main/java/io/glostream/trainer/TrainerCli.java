package io.glostream.trainer;

import io.glostream.core.cli.CommandLineErrors;
import io.glostream.trainer.cli.InferCommand;
import io.glostream.trainer.cli.InspectCommand;
import io.glostream.trainer.cli.VerifyCommand;
import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.fit.EvalCommand;
import io.glostream.trainer.fit.ExportCommand;
import io.glostream.trainer.fit.FitCommand;
import io.glostream.trainer.fit.TrainingFailedException;
import io.glostream.trainer.prepare.PrepareCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code glostream-trainer.jar}. */
@Command(name = "glostream-trainer",
        mixinStandardHelpOptions = true,
        versionProvider = TrainerCli.Version.class,
        description = "Prepares bilingual corpora and trains GloCTM cross-lingual topic models.",
        subcommands = {DemoCommand.class, PrepareCommand.class, FitCommand.class, EvalCommand.class, ExportCommand.class,
            VerifyCommand.class, InspectCommand.class, InferCommand.class,
            CommandLine.HelpCommand.class})
public final class TrainerCli {

    /** Exit code for input the user can fix (bad argument, unreadable or inconsistent file). */
    public static final int EXIT_BAD_INPUT = CommandLineErrors.EXIT_BAD_INPUT;
    /** Exit code for failures that are not the input's fault. */
    public static final int EXIT_FAILURE = CommandLineErrors.EXIT_FAILURE;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; errors are reported as one line on standard error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing results to {@code out} and errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        configureDjl();
        CommandLine cli = new CommandLine(new TrainerCli());
        cli.setOut(out);
        cli.setErr(err);
        CommandLineErrors.install(cli, "glostream-trainer", CorpusFormatException.class, TrainingFailedException.class);
        return cli.execute(args);
    }

    /**
     * DJL must never download: natives come from the pytorch-native-cpu jar, extracted into a writable cache.
     * Settings given on the command line (-D) win; PYTORCH_VERSION is left alone (setting it triggers a download).
     */
    static void configureDjl() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", System.getenv().getOrDefault("DJL_CACHE_DIR",
                Path.of(System.getProperty("user.home"), ".cache", "glostream", "djl").toString()));
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Picocli prints the whole usage after a bad argument; one line naming the option is easier to act on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TrainerCli.class.getPackage().getImplementationVersion();
            return new String[] {"glostream-trainer " + (v == null ? "(development build)" : v)};
        }
    }
}
