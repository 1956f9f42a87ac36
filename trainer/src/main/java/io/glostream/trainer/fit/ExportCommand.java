package io.glostream.trainer.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.trainer.align.AlignOptions;
import io.glostream.trainer.align.BundleAligner;
import io.glostream.trainer.export.BundleExporter;
import io.glostream.trainer.export.ModelProvenance;
import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.GloCtmTrainer;
import io.glostream.trainer.prepare.PreparedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: writes the model bundle of a training checkpoint, for runs whose {@code fit} was cut
 * short or trained elsewhere. The featurisation is rebuilt from the same data and options as {@code fit}
 * used, which makes the same vocabularies and neighbour table.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the model bundle of a training checkpoint (same data options as fit).")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions data;

    @Mixin
    AlignOptions align;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint written by fit.")
    Path checkpoint;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "Quality JSON written by fit --json, recorded in the manifest.")
    Path metrics;

    @Option(names = "--model-name", required = true, paramLabel = "NAME", description = "Model name.")
    String modelName;

    @Option(names = "--model-version", required = true, paramLabel = "VERSION", description = "Model version.")
    String modelVersion;

    @Option(names = "--replace", description = "Replace an existing bundle at --out.")
    boolean replace;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR", description = "Where the model bundle goes.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(checkpoint)) {
            throw new IllegalArgumentException(checkpoint + ": no such checkpoint");
        }
        OutputFiles.checkBundleTarget("--out", out, replace);
        ObjectMapper json = new ObjectMapper();
        ObjectNode recorded = json.createObjectNode();
        ObjectNode trainingData = json.createObjectNode().put("checkpoint", checkpoint.getFileName().toString());
        if (metrics != null) {
            JsonNode quality = json.readTree(metrics.toFile());
            recorded = FitCommand.headlineMetrics(quality);
            if (quality.has("provenance")) {
                trainingData.setAll((ObjectNode) quality.get("provenance"));
                trainingData.remove("config");
            }
            if (quality.has("training")) {
                trainingData.set("training", quality.get("training"));
            }
        }
        BundleAligner aligner = align.load(data.langs());
        BilingualCorpus corpus = data.load();
        PreparedCorpus prepared = GloCtmFit.prepare(corpus, data.vocabulary(), data.neighbours(), data.threads());
        try (GloCtmTrainer trainer = GloCtmTrainer.resume(checkpoint)) {
            checkVocabularies(trainer, prepared);
            GloCtmExport weights = aligner.apply(trainer.model().export(), prepared.featurizer(), trainingData,
                    spec.commandLine().getOut()).weights();
            BundleManifest manifest = new BundleExporter().export(weights, prepared.featurizer(),
                    prepared.neighbourTable(), new ModelProvenance(modelName, modelVersion, trainingData,
                            trainer.config(), recorded), out, replace);
            spec.commandLine().getOut().println("model " + manifest.modelName() + " version "
                    + manifest.modelVersion() + " (" + trainer.completedEpochs() + " epochs) written to " + out);
        }
        return 0;
    }

    private void checkVocabularies(GloCtmTrainer trainer, PreparedCorpus prepared) {
        int v1 = prepared.featurizer().vocabulary(0).size();
        int v2 = prepared.featurizer().vocabulary(1).size();
        if (trainer.model().vocabSize(1) != v1 || trainer.model().vocabSize(2) != v2) {
            throw new IllegalArgumentException(checkpoint + ": checkpoint vocabularies (" + trainer.model().vocabSize(1)
                    + ", " + trainer.model().vocabSize(2) + ") differ from the data's (" + v1 + ", " + v2
                    + "): not a checkpoint of this data and these options");
        }
    }
}
