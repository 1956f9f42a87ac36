package io.glostream.trainer.cli;

import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleVerificationException;
import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.model.TopicModel;
import io.glostream.trainer.corpus.JsonlCorpus;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.model.GloCtmModel;
import io.glostream.trainer.model.GloCtmTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: opens a bundle as serving will (checksums, layout, shapes), runs every encoder on a few
 * synthetic documents, and with {@code --checkpoint} compares the ONNX encoders with the DJL model on test
 * documents. Exit 0 and {@code OK} when all holds; exit 2 with the first problem otherwise.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a model bundle as serving will load it.",
                "Checks checksums, file layout and shapes, runs every encoder on synthetic documents and, with",
                "--checkpoint, compares theta with the trained DJL model's."})
public final class VerifyCommand implements Callable<Integer> {

    /** Documents per language of the smoke test. */
    static final int SMOKE_DOCUMENTS = 8;
    private static final int BATCH = 256;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle directory or zip.")
    Path bundle;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Training checkpoint of the same model: compare ONNX theta with DJL's.")
    Path checkpoint;

    @Option(names = "--data", paramLabel = "DIR",
            description = "With --checkpoint: test documents as <lang>.jsonl ({\"id\",\"text\"} per line)"
                    + " for each bundle language (default: documents drawn from the vocabularies).")
    Path data;

    @Option(names = "--docs", defaultValue = "2000", paramLabel = "N",
            description = "With --checkpoint: documents per language to compare (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--tolerance", defaultValue = "1e-5",
            description = "Largest allowed |theta_ONNX - theta_DJL| (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws IOException {
        if (docs < 1) {
            throw new IllegalArgumentException("--docs must be at least 1, got " + docs);
        }
        if (data != null && checkpoint == null) {
            throw new IllegalArgumentException("--data is only used with --checkpoint");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TopicModel model = TopicModel.load(bundle)) {
            BundleManifest manifest = model.manifest();
            smokeTest(model);
            List<String> parity = checkpoint == null ? List.of() : parity(model);
            out.println("OK " + bundle);
            BundleSummary.print(out, manifest);
            out.printf("checked    %d files by sha256; every encoder on %d synthetic documents per language%n",
                    manifest.files().size(), SMOKE_DOCUMENTS);
            parity.forEach(out::println);
        }
        out.flush();
        return 0;
    }

    private static void smokeTest(TopicModel model) throws BundleVerificationException {
        Random random = new Random(1);
        for (String lang : model.languages()) {
            List<Features> documents = synthetic(model.featurizer(), lang, SMOKE_DOCUMENTS, random);
            checkDistributions(model, BundleManifest.GLOBAL_ENCODER, model.infer(documents));
            checkDistributions(model, lang, model.inferLocal(lang, documents));
        }
    }

    private static void checkDistributions(TopicModel model, String encoder, EncoderOutput output)
            throws BundleVerificationException {
        for (int doc = 0; doc < output.size(); doc++) {
            double sum = 0;
            for (float p : output.theta(doc)) {
                if (!(p >= 0 && p <= 1)) {
                    throw new BundleVerificationException(model.manifest().encoders().get(encoder).file(),
                            "theta of a synthetic document holds " + p + ", not a probability");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-4) {
                throw new BundleVerificationException(model.manifest().encoders().get(encoder).file(),
                        "theta of a synthetic document sums to " + sum + ", not 1");
            }
        }
    }

    private List<String> parity(TopicModel model) throws IOException {
        List<String> report = new ArrayList<>();
        try (GloCtmTrainer trainer = GloCtmTrainer.resume(checkpoint)) {
            GloCtmModel djl = trainer.model();
            BundleManifest manifest = model.manifest();
            List<String> languages = manifest.languages();
            if (djl.config().numTopics() != manifest.topics() || djl.vocabSize(1) != manifest.vocabularySizes().get(
                    languages.get(0)) || djl.vocabSize(2) != manifest.vocabularySizes().get(languages.get(1))) {
                throw new IllegalArgumentException("--checkpoint " + checkpoint + " has K=" + djl.config().numTopics()
                        + ", V=" + djl.vocabSize(1) + "+" + djl.vocabSize(2) + "; the bundle has K=" + manifest.topics()
                        + ", V=" + manifest.vocabularySizes().get(languages.get(0)) + "+"
                        + manifest.vocabularySizes().get(languages.get(1)));
            }
            Random random = new Random(2);
            for (int l = 0; l < languages.size(); l++) {
                String lang = languages.get(l);
                List<Features> documents = data == null ? synthetic(model.featurizer(), lang, docs, random)
                        : testDocuments(model.featurizer(), lang);
                double global = maxDifference(djl.thetaGlobal(documents.stream().map(Features::global).toList()),
                        batched(documents, model::infer));
                check(manifest, BundleManifest.GLOBAL_ENCODER, lang, global);
                List<SparseCounts> bows = documents.stream().map(f -> f.bow().counts()).toList();
                double local = maxDifference(djl.thetaLocal(l + 1, bows),
                        batched(documents, batch -> model.inferLocal(lang, batch)));
                check(manifest, lang, lang, local);
                report.add(String.format("parity     %s: %d documents, max |theta_ONNX - theta_DJL| global %.2e,"
                        + " local %.2e (tolerance %.0e)", lang, documents.size(), global, local, tolerance));
            }
        }
        return report;
    }

    private void check(BundleManifest manifest, String encoder, String lang, double difference)
            throws BundleVerificationException {
        if (!(difference <= tolerance)) {
            throw new BundleVerificationException(manifest.encoders().get(encoder).file(), "theta on " + lang
                    + " documents differs from the checkpoint's by " + difference + ", more than " + tolerance);
        }
    }

    private List<Features> testDocuments(Featurizer featurizer, String lang) {
        Path file = data.resolve(lang + ".jsonl");
        if (!Files.exists(file)) {
            file = data.resolve(lang + ".jsonl.gz");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--data " + data + " has no " + lang + ".jsonl[.gz]");
        }
        List<Features> documents = new ArrayList<>();
        for (RawDocument document : JsonlCorpus.read(file, lang)) {
            if (documents.size() == docs) {
                break;
            }
            documents.add(featurizer.featurize(lang, document.text()));
        }
        return documents;
    }

    /** Documents of 5 to 40 words drawn uniformly from the language's vocabulary. */
    static List<Features> synthetic(Featurizer featurizer, String lang, int count, Random random) {
        int l = featurizer.languageIndex(lang);
        var vocabulary = featurizer.vocabulary(l);
        List<Features> documents = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            int length = 5 + random.nextInt(36);
            List<String> tokens = new ArrayList<>(length);
            for (int t = 0; t < length; t++) {
                tokens.add(vocabulary.word(random.nextInt(vocabulary.size())));
            }
            documents.add(featurizer.featurizeTokens(l, tokens));
        }
        return documents;
    }

    private static float[][] batched(List<Features> documents,
            java.util.function.Function<List<Features>, EncoderOutput> run) {
        List<float[]> rows = new ArrayList<>(documents.size());
        for (int start = 0; start < documents.size(); start += BATCH) {
            rows.addAll(List.of(run.apply(documents.subList(start, Math.min(documents.size(), start + BATCH)))
                    .thetaRows()));
        }
        return rows.toArray(float[][]::new);
    }

    private static double maxDifference(float[][] expected, float[][] actual) {
        double max = 0;
        for (int doc = 0; doc < expected.length; doc++) {
            for (int k = 0; k < expected[doc].length; k++) {
                max = Math.max(max, Math.abs(expected[doc][k] - actual[doc][k]));
            }
        }
        return max;
    }
}
