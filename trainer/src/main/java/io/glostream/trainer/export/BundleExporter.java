package io.glostream.trainer.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleWriter;
import io.glostream.core.bundle.EncoderSpec;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.features.Featurizer;
import io.glostream.core.inference.BatchNorm;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.inference.LinearLayer;
import io.glostream.core.model.TopicWords;
import io.glostream.core.model.TopicsJson;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.model.GloCtmExport;
import io.glostream.trainer.model.GloCtmModel;
import io.glostream.trainer.model.TrainedEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a trained GloCTM model as a servable bundle in the {@link BundleLayout}: the global encoder and each
 * language's local encoder as ONNX graphs in the sparse input form (outputs theta and the pre-softmax mean;
 * the mean head's inference-mode batch norm folded into its linear layer), the vocabularies, the neighbour table, the
 * topic-word matrix, the topics' top words, and a manifest with the analyzers' settings and the provenance.
 * The bundle is committed atomically and verified before it appears (see {@link BundleWriter}).
 */
public final class BundleExporter {

    /** The key of {@code trainingData} under which the training configuration is recorded. */
    public static final String CONFIG_KEY = "config";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    /** An exporter stamping bundles with the current time. */
    public BundleExporter() {
        this(Clock.systemUTC());
    }

    /** An exporter stamping bundles with {@code clock}'s time. */
    public BundleExporter(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        this.clock = clock;
    }

    /** {@link #export(GloCtmExport, Featurizer, NeighbourTable, ModelProvenance, Path, boolean)} of the model's weights. */
    public BundleManifest export(GloCtmModel model, Featurizer featurizer, NeighbourTable neighbours,
            ModelProvenance provenance, Path target, boolean replaceExisting) throws IOException {
        return export(model.export(), featurizer, neighbours, provenance, target, replaceExisting);
    }

    /**
     * Writes the bundle to {@code target}.
     *
     * @param weights the trained weights; language 1 and 2 are the featurizer's languages in order
     * @param featurizer the featurisation the model was trained with (analyzers and vocabularies)
     * @param neighbours the neighbour table the global inputs were augmented with
     * @param replaceExisting whether a non-empty directory at {@code target} may be replaced
     * @return the manifest written, with every file's SHA-256
     * @throws IllegalArgumentException if the weights, featurizer and neighbour table do not fit together
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists and may not be replaced
     */
    public BundleManifest export(GloCtmExport weights, Featurizer featurizer, NeighbourTable neighbours,
            ModelProvenance provenance, Path target, boolean replaceExisting) throws IOException {
        List<String> languages = featurizer.languages();
        List<Vocabulary> vocabularies = List.of(featurizer.vocabulary(0), featurizer.vocabulary(1));
        checkFits(weights, languages, vocabularies, neighbours);
        int topics = weights.numTopics();
        List<String> encoderNames = List.of(BundleManifest.GLOBAL_ENCODER, languages.get(0), languages.get(1));
        List<EncoderWeights> encoders = List.of(onnxWeights(weights.global()), onnxWeights(weights.local1()),
                onnxWeights(weights.local2()));

        BundleManifest.Builder manifest = BundleManifest.builder()
                .modelName(provenance.modelName())
                .modelVersion(provenance.modelVersion())
                .createdAt(clock.instant())
                .languages(languages)
                .topics(topics)
                .neighbourK(neighbours.k())
                .trainingData(trainingData(provenance))
                .metrics(provenance.metrics());
        for (int l = 0; l < 2; l++) {
            manifest.vocabularySize(languages.get(l), vocabularies.get(l).size());
            manifest.analyzer(languages.get(l), JSON.valueToTree(featurizer.analyzer(l).settings()));
        }
        for (int e = 0; e < encoders.size(); e++) {
            manifest.encoder(encoderNames.get(e), new EncoderSpec(BundleLayout.encoderFile(encoderNames.get(e)),
                    encoders.get(e).inputDimension(), topics, EncoderInput.SPARSE));
        }

        BundleWriter writer = new BundleWriter(manifest.build());
        for (int e = 0; e < encoders.size(); e++) {
            EncoderWeights encoder = encoders.get(e);
            writer.addFile(BundleLayout.encoderFile(encoderNames.get(e)),
                    out -> EncoderGraphWriter.write(encoder, EncoderInput.SPARSE, out));
        }
        addVocabulariesAndNeighbours(writer, languages, vocabularies, neighbours);
        NpyFloatMatrix topicWord = new NpyFloatMatrix(topics, weights.vocab1() + weights.vocab2(), weights.topicWord());
        writer.addFile(BundleLayout.TOPIC_WORD_FILE, topicWord::writeTo);
        List<TopicWords> topWords = TopicWords.fromTopicWordMatrix(weights.topicWord(), topics, languages,
                vocabularies, BundleLayout.TOP_WORDS);
        writer.addFile(BundleLayout.TOPICS_FILE, TopicsJson.write(topWords));
        return writer.commit(target, replaceExisting);
    }

    /**
     * The ONNX-side weights of a trained encoder's mean path: its linear layers as {@code [in][out]} matrices,
     * with the mean head's batch norm (running statistics, inference mode) folded into the mean layer.
     */
    public static EncoderWeights onnxWeights(TrainedEncoder trained) {
        LinearLayer hidden1 = layer(trained.w1(), trained.b1(), trained.inputDim(), trained.hidden());
        LinearLayer hidden2 = layer(trained.w2(), trained.b2(), trained.hidden(), trained.hidden());
        LinearLayer mean = layer(trained.wMu(), trained.bMu(), trained.hidden(), trained.topics());
        BatchNorm norm = new BatchNorm(trained.bnGamma(), trained.bnBeta(), trained.bnRunningMean(),
                trained.bnRunningVar(), trained.bnEps());
        return new EncoderWeights(hidden1, hidden2, norm.foldInto(mean));
    }

    private static LinearLayer layer(float[] rowMajor, float[] bias, int inputs, int outputs) {
        if (rowMajor.length != (long) inputs * outputs) {
            throw new IllegalArgumentException("weight has " + rowMajor.length + " values, expected " + inputs + " x "
                    + outputs);
        }
        float[][] weight = new float[inputs][outputs];
        for (int i = 0; i < inputs; i++) {
            System.arraycopy(rowMajor, i * outputs, weight[i], 0, outputs);
        }
        return new LinearLayer(weight, bias.clone());
    }

    private static ObjectNode trainingData(ModelProvenance provenance) {
        ObjectNode trainingData = provenance.trainingData();
        trainingData.set(CONFIG_KEY, JSON.valueToTree(provenance.config()));
        return trainingData;
    }

    private static void checkFits(GloCtmExport weights, List<String> languages, List<Vocabulary> vocabularies,
            NeighbourTable neighbours) {
        if (!neighbours.languages().equals(languages)) {
            throw new IllegalArgumentException("the neighbour table is for " + neighbours.languages()
                    + ", the featurizer for " + languages);
        }
        int[] modelSizes = {weights.vocab1(), weights.vocab2()};
        for (int l = 0; l < 2; l++) {
            if (vocabularies.get(l).size() != modelSizes[l] || neighbours.vocabularySize(l) != modelSizes[l]) {
                throw new IllegalArgumentException(languages.get(l) + ": the model has " + modelSizes[l]
                        + " words, the vocabulary " + vocabularies.get(l).size() + ", the neighbour table "
                        + neighbours.vocabularySize(l));
            }
        }
    }

    /** Both are written by their own save methods, so the bundle holds exactly their on-disk formats. */
    private static void addVocabulariesAndNeighbours(BundleWriter writer, List<String> languages,
            List<Vocabulary> vocabularies, NeighbourTable neighbours) throws IOException {
        Path scratch = Files.createTempDirectory("glostream-export-");
        try {
            List<String> names = new ArrayList<>();
            for (int l = 0; l < 2; l++) {
                String name = BundleLayout.vocabularyFile(languages.get(l));
                vocabularies.get(l).save(scratch.resolve(name));
                names.add(name);
            }
            neighbours.save(scratch);
            languages.forEach(lang -> names.add(BundleLayout.neighbourFile(lang)));
            for (String name : names) {
                writer.addFile(name, Files.readAllBytes(scratch.resolve(name)));
            }
        } finally {
            try (Stream<Path> files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(scratch);
        }
    }
}
