package io.glostream.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.BundleVerificationException;
import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.inference.OnnxEncoder;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained GloCTM model loaded from a verified bundle, ready to serve: the {@link Featurizer} that turns a
 * document's text into its inputs exactly as training did, the global and per-language ONNX encoders, and
 * the topics' top words. The stream app and {@code trainer infer} both use it:
 * {@code featurizer().featurize(lang, text)} per document, then {@link #infer} per batch.
 *
 * <p>Everything is read at {@link #load}; a zipped bundle's extraction is deleted before it returns.
 * Thread-safe: {@link #infer} and {@link #inferLocal} may run concurrently. Close it when done.
 */
public final class TopicModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleManifest manifest;
    private final String manifestSha256;
    private final Featurizer featurizer;
    private final OnnxEncoder global;
    private final Map<String, OnnxEncoder> locals;
    private final List<TopicWords> topics;

    private TopicModel(BundleManifest manifest, String manifestSha256, Featurizer featurizer, OnnxEncoder global,
            Map<String, OnnxEncoder> locals, List<TopicWords> topics) {
        this.manifest = manifest;
        this.manifestSha256 = manifestSha256;
        this.featurizer = featurizer;
        this.global = global;
        this.locals = locals;
        this.topics = topics;
    }

    /** {@link #load(Path, int)} with {@value OnnxEncoder#DEFAULT_INTRA_OP_THREADS} intra-op thread per encoder. */
    public static TopicModel load(Path dirOrZip) throws BundleVerificationException {
        return load(dirOrZip, OnnxEncoder.DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * Opens and verifies the bundle ({@link ModelBundle#open}), then checks that its files fit together
     * beyond their checksums: every file of the {@link BundleLayout} is listed, the analyzer settings
     * parse, each vocabulary has the manifest's size, the neighbour table fits the vocabularies and
     * {@code neighbourK}, the topic-word matrix is {@code [K, V1 + V2]} and {@code topics.json} lists K
     * topics in order with words of each language's vocabulary.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads of each encoder
     * @throws BundleVerificationException naming the first file that fails and why
     */
    public static TopicModel load(Path dirOrZip, int intraOpThreads) throws BundleVerificationException {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
        }
        try (ModelBundle bundle = ModelBundle.open(dirOrZip)) {
            BundleManifest manifest = bundle.manifest();
            checkLayout(manifest);
            List<String> languages = manifest.languages();
            List<Vocabulary> vocabularies = new ArrayList<>();
            for (String lang : languages) {
                vocabularies.add(vocabulary(bundle, lang));
            }
            NeighbourTable neighbours = neighbours(bundle, vocabularies);
            checkTopicWordShape(bundle);
            List<TopicWords> topics = topics(bundle, vocabularies);
            List<TextAnalyzer> analyzers = analyzers(manifest);
            Featurizer featurizer;
            try {
                featurizer = new Featurizer(analyzers, vocabularies, neighbours);
            } catch (IllegalArgumentException e) {
                analyzers.forEach(TextAnalyzer::close);
                throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, e.getMessage(), e);
            }
            return openEncoders(bundle, featurizer, topics, intraOpThreads);
        }
    }

    /** The verified manifest: languages, sizes, provenance, metrics. */
    public BundleManifest manifest() {
        return manifest;
    }

    /** Hex sha256 of the bundle's manifest.json: what a control-topic announcement of this bundle carries. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /** The model's featurisation: analyzers, vocabularies and neighbour table of the bundle. */
    public Featurizer featurizer() {
        return featurizer;
    }

    /** The model version every output names. */
    public String version() {
        return manifest.modelVersion();
    }

    /** Language codes in layout order. */
    public List<String> languages() {
        return manifest.languages();
    }

    /** K. */
    public int numTopics() {
        return manifest.topics();
    }

    /** Per topic, in index order, its {@value BundleLayout#TOP_WORDS} top words in each language. */
    public List<TopicWords> topics() {
        return topics;
    }

    /**
     * Topic proportions and pre-softmax means from the global encoder on each document's global input g:
     * the model's cross-lingual answer, comparable across languages. Results keep the batch order; a
     * document's values may differ in the last float bit with the size of the batch it is in (ONNX Runtime
     * blocks its matrix products by batch).
     *
     * @throws IllegalArgumentException if a document was featurised for another model (wrong dimension)
     */
    public EncoderOutput infer(List<Features> batch) {
        List<SparseCounts> inputs = new ArrayList<>(batch.size());
        for (Features features : batch) {
            inputs.add(features.global());
        }
        return global.infer(inputs);
    }

    /**
     * Topic proportions and means from {@code language}'s local encoder on each document's bag of words x.
     *
     * @throws IllegalArgumentException if the model has no such language or a document is of another one
     */
    public EncoderOutput inferLocal(String language, List<Features> batch) {
        String lang = featurizer.languages().get(featurizer.languageIndex(language));
        OnnxEncoder encoder = locals.get(lang);
        List<SparseCounts> inputs = new ArrayList<>(batch.size());
        for (int doc = 0; doc < batch.size(); doc++) {
            Features features = batch.get(doc);
            if (!features.lang().equals(lang)) {
                throw new IllegalArgumentException("document " + doc + " of the batch is " + features.lang()
                        + ", the local encoder is " + lang);
            }
            inputs.add(features.bow().counts());
        }
        return encoder.infer(inputs);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        List<AutoCloseable> resources = new ArrayList<>(locals.values());
        resources.add(global);
        resources.add(featurizer);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the model of " + manifest.modelVersion() + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void checkLayout(BundleManifest manifest) throws BundleVerificationException {
        if (manifest.languages().size() != 2) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE,
                    "a GloCTM model has two languages, the manifest lists " + manifest.languages());
        }
        for (String required : BundleLayout.requiredDataFiles(manifest.languages())) {
            if (!manifest.files().containsKey(required)) {
                throw new BundleVerificationException(required, "required by the bundle layout but not in the manifest");
            }
        }
        Set<String> analyzed = new HashSet<>(manifest.analyzers().keySet());
        if (!analyzed.equals(new HashSet<>(manifest.languages()))) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "analyzers cover "
                    + manifest.analyzers().keySet() + ", languages are " + manifest.languages());
        }
        if (manifest.neighbourK() < 0) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE,
                    "neighbourK must be at least 0 (0: trained without polyglot augmentation), got "
                            + manifest.neighbourK());
        }
    }

    private static Vocabulary vocabulary(ModelBundle bundle, String lang) throws BundleVerificationException {
        String name = BundleLayout.vocabularyFile(lang);
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.load(bundle.file(name));
        } catch (IOException e) {
            throw new BundleVerificationException(name, "not a vocabulary: " + e.getMessage(), e);
        }
        int expected = bundle.manifest().vocabularySizes().get(lang);
        if (vocabulary.size() != expected) {
            throw new BundleVerificationException(name, "has " + vocabulary.size() + " words, the manifest says "
                    + expected);
        }
        return vocabulary;
    }

    private static NeighbourTable neighbours(ModelBundle bundle, List<Vocabulary> vocabularies)
            throws BundleVerificationException {
        List<String> languages = bundle.manifest().languages();
        try {
            return NeighbourTable.load(bundle.root(), languages.get(0), languages.get(1), vocabularies.get(0).size(),
                    vocabularies.get(1).size(), bundle.manifest().neighbourK());
        } catch (IOException | IllegalArgumentException e) {
            // the table names the file it failed on at the start of its message
            String message = String.valueOf(e.getMessage());
            String file = BundleManifest.MANIFEST_FILE;
            for (String lang : languages) {
                if (message.startsWith(bundle.root().resolve(BundleLayout.neighbourFile(lang)).toString())) {
                    file = BundleLayout.neighbourFile(lang);
                }
            }
            throw new BundleVerificationException(file, "not a neighbour table for these vocabularies: " + message, e);
        }
    }

    private static void checkTopicWordShape(ModelBundle bundle) throws BundleVerificationException {
        String name = BundleLayout.TOPIC_WORD_FILE;
        NpyFloatMatrix matrix;
        try {
            matrix = NpyFloatMatrix.read(bundle.file(name));
        } catch (IOException e) {
            throw new BundleVerificationException(name, e.getMessage(), e);
        }
        BundleManifest manifest = bundle.manifest();
        if (matrix.rows() != manifest.topics() || matrix.columns() != manifest.jointVocabularySize()) {
            throw new BundleVerificationException(name, "shape (" + matrix.rows() + ", " + matrix.columns()
                    + ") differs from [K, V1 + V2] = (" + manifest.topics() + ", " + manifest.jointVocabularySize() + ")");
        }
    }

    private static List<TopicWords> topics(ModelBundle bundle, List<Vocabulary> vocabularies)
            throws BundleVerificationException {
        String name = BundleLayout.TOPICS_FILE;
        List<TopicWords> topics;
        try {
            topics = TopicsJson.read(Files.readAllBytes(bundle.file(name)));
        } catch (IOException e) {
            throw new BundleVerificationException(name, "unreadable: " + e.getMessage(), e);
        }
        BundleManifest manifest = bundle.manifest();
        if (topics.size() != manifest.topics()) {
            throw new BundleVerificationException(name, "lists " + topics.size() + " topics, the manifest says "
                    + manifest.topics());
        }
        for (int k = 0; k < topics.size(); k++) {
            TopicWords topic = topics.get(k);
            if (topic.topic() != k) {
                throw new BundleVerificationException(name, "entry " + k + " is topic " + topic.topic());
            }
            if (!new ArrayList<>(topic.words().keySet()).equals(manifest.languages())) {
                throw new BundleVerificationException(name, "topic " + k + " has words for "
                        + topic.words().keySet() + ", languages are " + manifest.languages());
            }
            for (int l = 0; l < vocabularies.size(); l++) {
                for (String word : topic.words(manifest.languages().get(l))) {
                    if (!vocabularies.get(l).contains(word)) {
                        throw new BundleVerificationException(name, "topic " + k + " word '" + word + "' is not in "
                                + BundleLayout.vocabularyFile(manifest.languages().get(l)));
                    }
                }
            }
        }
        return topics;
    }

    private static List<TextAnalyzer> analyzers(BundleManifest manifest) throws BundleVerificationException {
        Map<String, ObjectNode> settings = manifest.analyzers();
        List<TextAnalyzer> analyzers = new ArrayList<>();
        try {
            for (String lang : manifest.languages()) {
                AnalyzerSettings parsed;
                try {
                    parsed = JSON.treeToValue(settings.get(lang), AnalyzerSettings.class);
                } catch (JsonProcessingException e) {
                    throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "analyzer settings of '" + lang
                            + "' are invalid: " + e.getOriginalMessage(), e);
                }
                try {
                    analyzers.add(LanguageAnalyzers.create(lang, parsed));
                } catch (IllegalArgumentException e) {
                    throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "no analyzer for '" + lang
                            + "': " + e.getMessage(), e);
                }
                if (!analyzers.get(analyzers.size() - 1).language().equals(lang)) {
                    throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "language '" + lang
                            + "' is not a canonical code; write " + analyzers.get(analyzers.size() - 1).language());
                }
            }
            return analyzers;
        } catch (BundleVerificationException e) {
            analyzers.forEach(TextAnalyzer::close);
            throw e;
        }
    }

    private static TopicModel openEncoders(ModelBundle bundle, Featurizer featurizer, List<TopicWords> topics,
            int intraOpThreads) throws BundleVerificationException {
        List<OnnxEncoder> opened = new ArrayList<>();
        try {
            OnnxEncoder global = bundle.openEncoder(BundleManifest.GLOBAL_ENCODER, intraOpThreads);
            opened.add(global);
            Map<String, OnnxEncoder> locals = new LinkedHashMap<>();
            for (String lang : bundle.manifest().languages()) {
                OnnxEncoder local = bundle.openEncoder(lang, intraOpThreads);
                opened.add(local);
                locals.put(lang, local);
            }
            return new TopicModel(bundle.manifest(), bundle.manifestSha256(), featurizer, global, Map.copyOf(locals),
                    topics);
        } catch (BundleVerificationException | RuntimeException e) {
            opened.forEach(OnnxEncoder::close);
            featurizer.close();
            throw e;
        }
    }
}
