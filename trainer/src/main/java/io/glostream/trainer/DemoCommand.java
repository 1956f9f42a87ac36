package io.glostream.trainer;

import io.glostream.core.bundle.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the trainer end to end on the committed sample, in under a minute: fit a small GloCTM
 * model, evaluate it on the sample's test split, write the bundle and an HTML report, and show the
 * topics side by side. It runs {@code fit} and {@code inspect} with settings sized for the sample.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train, evaluate and inspect a small model on the bundled EC News sample (no ../shared needed).")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "sample/ec_news", paramLabel = "DIR",
            description = "The sample corpus (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--epochs", defaultValue = "60", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", defaultValue = "target/demo", paramLabel = "DIR",
            description = "Where the bundle, checkpoint, quality JSON and report go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory (run from the repository root)");
        }
        Path bundle = out.resolve("bundle");
        Directories.deleteRecursively(bundle);
        CommandLine root = spec.root().commandLine();
        int fit = root.execute("fit", "--data", data.toString(), "--pretokenized", "--max-vocab", "400",
                "--topics", "10", "--epochs", Integer.toString(epochs), "--batch-size", "32", "--seed", "0",
                "--checkpoint", out.resolve("demo.checkpoint").toString(),
                "--json", out.resolve("quality.json").toString(), "--report", out.resolve("report.html").toString(),
                "--out", bundle.toString());
        if (fit != 0) {
            return fit;
        }
        int inspect = root.execute("inspect", bundle.toString());
        spec.commandLine().getOut().println(System.lineSeparator() + "report: " + out.resolve("report.html")
                + "  bundle: " + bundle);
        spec.commandLine().getOut().flush();
        return inspect;
    }
}
