package io.glostream.trainer.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.model.TopicWords;
import io.glostream.trainer.align.AlignOptions;
import io.glostream.trainer.align.BundleAligner;
import io.glostream.trainer.eval.Evaluation;
import io.glostream.trainer.eval.HtmlReport;
import io.glostream.trainer.eval.ReferenceCorpusFiles;
import io.glostream.trainer.export.BundleExporter;
import io.glostream.trainer.export.ModelProvenance;
import io.glostream.trainer.model.CkaLossForm;
import io.glostream.trainer.model.ComputeDevice;
import io.glostream.trainer.neighbours.NeighbourReport;
import io.glostream.trainer.model.EpochStats;
import io.glostream.trainer.model.GloCtmConfig;
import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.GloCtmModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fit}: trains GloCTM on a bilingual corpus, evaluates it and writes a model bundle. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Train a GloCTM model on a bilingual corpus (benchmark layout or <lang>.jsonl),",
                "evaluate it on the test split when there is one, and write a verified model bundle."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions data;

    @Mixin
    AlignOptions align;

    @Mixin
    DocumentVectorOptions documentVectors;

    @Option(names = "--topics", defaultValue = "50", description = "Number of topics K (default: ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--epochs", defaultValue = "150", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lambda-kl", defaultValue = "3", description = "Weight of KL(local || global) (default: ${DEFAULT-VALUE}).")
    double lambdaKl;

    @Option(names = "--lambda-cka", defaultValue = "300", description = "Weight of 1 - CKA (default: ${DEFAULT-VALUE}).")
    double lambdaCka;

    @Option(names = "--cka-form", defaultValue = "linear", paramLabel = "linear|root",
            description = "The CKA term as the paper writes it, 1 - CKA, or as the authors' code computes it, "
                    + "1 - sqrt(CKA) (default: ${DEFAULT-VALUE}).")
    String ckaForm;

    @Option(names = "--batch-size", defaultValue = "128", description = "Documents per language per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (default: <out>.checkpoint).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "5", paramLabel = "EPOCHS",
            description = "Save a checkpoint every this many epochs (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue from the checkpoint when it exists.")
    boolean resume;

    @Option(names = "--ref-corpus", paramLabel = "DIR", description = "Aligned reference corpus for CNPMI.")
    Path refCorpus;

    @Option(names = "--no-eval", description = "Skip the evaluation on the test split.")
    boolean noEval;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the evaluation and training figures as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the evaluation as an HTML report.")
    Path report;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE_DIR", description = "Where the model bundle goes.")
    Path out;

    @Override
    public Integer call() throws IOException {
        GloCtmConfig config = GloCtmConfig.builder().numTopics(topics).epochs(epochs).seed(seed).lambdaKl(lambdaKl)
                .lambdaCka(lambdaCka).ckaForm(CkaLossForm.parse(ckaForm)).batchSize(batchSize).learningRate(learningRate)
                .device(ComputeDevice.parse(device)).build();
        FitOptions options = new FitOptions(config, data.neighbours(), data.vocabulary(), data.threads(),
                checkpoint != null ? checkpoint : Path.of(out + ".checkpoint"), checkpointEvery, resume,
                documentVectors.sources(data.langs()));
        checkOutputs(options.checkpoint());
        BundleAligner aligner = align.load(data.langs());
        BilingualCorpus corpus = data.load();
        PrintWriter stdout = spec.commandLine().getOut();

        long start = System.nanoTime();
        try (GloCtmFit.Result result = new GloCtmFit(options).fit(corpus)) {
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            GloCtmModel model = result.trainer().model();
            List<ModelEvaluation.Split> splits = new ArrayList<>();
            for (int l = 0; l < 2; l++) {
                splits.add(new ModelEvaluation.Split(corpus.sides().get(l).train(), result.corpus().features().get(l),
                        corpus.sides().get(l).test(), result.testFeatures().get(l)));
            }
            Map<String, Object> training = trainingSummary(result.epochs(), fitSeconds);
            Map<String, Object> provenance = provenance(corpus, config, result.corpus().neighbourReport(),
                    result.documentEmbeddings());
            ObjectNode trainingData = trainingData(provenance, training);
            // align first, so the evaluation speaks of the topic ids the bundle will carry
            BundleAligner.Aligned aligned = aligner.apply(model.export(), result.corpus().featurizer(), trainingData,
                    stdout);
            Optional<String> skip = noEval ? Optional.of("--no-eval") : ModelEvaluation.whyNotEvaluable(splits);
            Evaluation evaluation = null;
            if (skip.isEmpty()) {
                ModelEvaluation.ThetaSource theta = (l, docs) -> aligned.renumberColumns(model.thetaGlobal(
                        docs.stream().map(Features::global).toList()));
                ModelEvaluation.ThetaSource officialFeatures = (l, docs) -> aligned.renumberColumns(
                        model.meanLocal(l + 1, docs.stream().map(f -> f.bow().counts()).toList()));
                evaluation = ModelEvaluation.evaluate(theta, officialFeatures, result.corpus().featurizer(),
                        topics(aligned.weights(), result.corpus().featurizer()), splits,
                        refCorpus == null ? null : ReferenceCorpusFiles.open(refCorpus, corpus.languages().get(0),
                                corpus.languages().get(1)),
                        provenance);
            } else {
                stdout.println("evaluation skipped: " + skip.get());
            }
            writeOutputs(evaluation, training, provenance);
            BundleManifest manifest = new BundleExporter().export(aligned.weights(), result.corpus().featurizer(),
                    result.corpus().neighbourTable(), new ModelProvenance(modelName(corpus), modelVersion(corpus),
                            trainingData, config, metrics(evaluation)), out, false);
            stdout.print(summary(result.epochs(), fitSeconds, evaluation));
            stdout.println("model " + manifest.modelName() + " version " + manifest.modelVersion());
            stdout.println("model bundle written to " + out);
            stdout.flush();
        }
        return 0;
    }

    /** Hours of training must not end in an unwritable path: every output location is checked first. */
    private void checkOutputs(Path checkpointFile) throws IOException {
        OutputFiles.checkBundleTarget("--out", out, false);
        OutputFiles.checkWritableFile("--checkpoint", checkpointFile);
        if (json != null) {
            OutputFiles.checkWritableFile("--json", json);
        }
        if (report != null) {
            OutputFiles.checkWritableFile("--report", report);
        }
    }

    @Option(names = "--model-name", paramLabel = "NAME",
            description = "Model name, the control topic's key (default: gloctm-<lang1>-<lang2>).")
    String modelName;

    @Option(names = "--model-version", paramLabel = "VERSION",
            description = "Model version named by every output (default: <dataset>-<UTC time>-seed<seed>).")
    String modelVersion;

    private String modelName(BilingualCorpus corpus) {
        return modelName != null ? modelName : "gloctm-" + String.join("-", corpus.languages());
    }

    private String modelVersion(BilingualCorpus corpus) {
        return modelVersion != null ? modelVersion : corpus.name() + "-"
                + VERSION_TIME.format(Instant.now()) + "-seed" + seed;
    }

    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static List<TopicWords> topics(GloCtmExport weights, Featurizer featurizer) {
        return TopicWords.fromTopicWordMatrix(weights.topicWord(), weights.numTopics(),
                featurizer.languages(), List.of(featurizer.vocabulary(0), featurizer.vocabulary(1)),
                BundleLayout.TOP_WORDS);
    }

    static ObjectNode trainingData(Map<String, Object> provenance, Map<String, Object> training) {
        ObjectNode node = JSON.valueToTree(provenance);
        node.remove("config");
        node.set("training", JSON.valueToTree(training));
        return node;
    }

    static ObjectNode metrics(Evaluation evaluation) throws IOException {
        return evaluation == null ? JSON.createObjectNode()
                : headlineMetrics(JSON.readTree(evaluation.report().toJson()));
    }

    /** The scores a manifest records, picked from an evaluation's JSON (also the file {@code --json} writes). */
    static ObjectNode headlineMetrics(JsonNode quality) {
        ObjectNode node = JSON.createObjectNode();
        for (String key : new String[] {"tu", "npmi", "cnpmi", "tq", "classification"}) {
            if (quality.has(key)) {
                node.set(key, quality.get(key));
            }
        }
        return node;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private void writeOutputs(Evaluation evaluation, Map<String, Object> training, Map<String, Object> provenance)
            throws IOException {
        if (json != null) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode node = evaluation != null ? (ObjectNode) mapper.readTree(evaluation.report().toJson())
                    : mapper.createObjectNode().putPOJO("provenance", provenance);
            node.putPOJO("training", training);
            OutputFiles.createParentDirectories(json);
            mapper.writeValue(json.toFile(), node);
        }
        if (report != null && evaluation != null) {
            OutputFiles.createParentDirectories(report);
            HtmlReport.write(report, evaluation);
        }
    }


    static Map<String, Object> trainingSummary(List<EpochStats> epochs, double fitSeconds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", epochs.size());
        t.put("seconds", fitSeconds);
        // the first epoch warms up PyTorch and the JIT; the rest is the steady state
        List<EpochStats> steady = epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
        t.put("secondsPerEpoch", steady.stream().mapToDouble(EpochStats::seconds).average().orElse(Double.NaN));
        t.put("documentsPerSecond", steady.stream().mapToDouble(EpochStats::documentsPerSecond).average().orElse(Double.NaN));
        t.put("stepsPerEpoch", epochs.isEmpty() ? 0 : epochs.get(0).steps());
        t.put("finalLoss", epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).meanLoss());
        t.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()));
        return t;
    }

    private static Map<String, Object> provenance(BilingualCorpus corpus, GloCtmConfig config,
                                                  NeighbourReport neighbours, Map<String, String> documentEmbeddings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dataset", corpus.name());
        p.put("languages", corpus.languages());
        p.put("trainDocuments", corpus.sides().stream().map(s -> s.train().size()).toList());
        p.put("testDocuments", corpus.sides().stream().map(s -> s.test().size()).toList());
        p.put("dictionary", corpus.dictionary() == null ? null : corpus.dictionary().getFileName().toString());
        p.put("neighbours", neighbours);
        Map<String, String> embeddings = new LinkedHashMap<>();
        corpus.languages().forEach(lang -> embeddings.put(lang, documentEmbeddings.get(lang)));
        p.put("documentEmbeddings", embeddings);
        p.put("theta", "global encoder on the polyglot-augmented input");
        p.put("config", config.toMap());
        return p;
    }

    private static String summary(List<EpochStats> epochs, double seconds, Evaluation evaluation) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> t = trainingSummary(epochs, seconds);
        sb.append(String.format(Locale.ROOT, "trained %d epochs in %.1f s (%.2f s per epoch after the first)%n",
                epochs.size(), seconds, (double) t.get("secondsPerEpoch")));
        if (evaluation != null) {
            sb.append(evaluation.report().toText());
        }
        return sb.toString();
    }
}
