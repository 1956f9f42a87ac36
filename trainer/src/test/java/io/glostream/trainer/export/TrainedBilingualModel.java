package io.glostream.trainer.export;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.model.GloCtmConfig;
import io.glostream.trainer.model.GloCtmModel;
import io.glostream.trainer.model.GloCtmTrainer;
import io.glostream.trainer.model.LanguageCorpus;
import io.glostream.trainer.model.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small English-Chinese GloCTM model trained once per test JVM on topic-structured documents over made-up
 * words ({@code en0..en59}, {@code zh0..zh47}, pretokenized analyzers): K=4 topics, each owning 15 English and
 * 12 Chinese words, with a dictionary-like neighbour table (the next word of the topic block within a
 * language, the same-position word of the other language's block across). A high learning rate and batch-norm
 * momentum make three epochs enough to move every running statistic well away from its initial 0 or 1, so the
 * folding of batch norm into the exported graphs is really exercised.
 */
public final class TrainedBilingualModel {

    public static final int TOPICS = 4;
    public static final int V_EN = 60;
    public static final int V_ZH = 48;
    public static final GloCtmConfig CONFIG = GloCtmConfig.builder().numTopics(TOPICS).localHidden(16).globalHidden(16)
            .batchSize(32).epochs(3).learningRate(0.01).bnMomentum(0.2).seed(7).build();

    private static TrainedBilingualModel instance;

    private final Featurizer featurizer;
    private final NeighbourTable neighbours;
    private final GloCtmTrainer trainer;

    private TrainedBilingualModel() {
        neighbours = NeighbourTable.of(2, rows("en", V_EN / TOPICS, V_ZH / TOPICS), rows("zh", V_ZH / TOPICS, V_EN / TOPICS));
        featurizer = new Featurizer(
                List.of(LanguageAnalyzers.create("en", AnalyzerSettings.defaultsFor("en").withPretokenized(true)),
                        LanguageAnalyzers.create("zh", AnalyzerSettings.defaultsFor("zh").withPretokenized(true))),
                List.of(words("en", V_EN), words("zh", V_ZH)), neighbours);
        trainer = GloCtmTrainer.create(CONFIG, V_EN, V_ZH);
        Random random = new Random(11);
        trainer.train(new TrainingData(corpus(documents(0, 400, random)), corpus(documents(1, 400, random))),
                stats -> { });
    }

    /** The shared trained model; it lives as long as the test JVM. */
    public static synchronized TrainedBilingualModel get() {
        if (instance == null) {
            instance = new TrainedBilingualModel();
        }
        return instance;
    }

    public GloCtmModel model() {
        return trainer.model();
    }

    public Featurizer featurizer() {
        return featurizer;
    }

    public NeighbourTable neighbours() {
        return neighbours;
    }

    /** Writes the trained model's checkpoint, as training does. */
    public void saveCheckpoint(Path file) throws IOException {
        trainer.saveCheckpoint(file);
    }

    /** Exports the trained model as a bundle at {@code target}. */
    public Path exportTo(Path target) throws IOException {
        new BundleExporter().export(model(), featurizer, neighbours,
                new ModelProvenance("trained-test", "trained-1", null, CONFIG, null), target, false);
        return target;
    }

    /** Texts of {@code count} documents of language {@code l} (0 en, 1 zh), most words from one topic. */
    public static List<String> texts(int l, int count, Random random) {
        int vocab = l == 0 ? V_EN : V_ZH;
        int block = vocab / TOPICS;
        List<String> texts = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            int topic = random.nextInt(TOPICS);
            int length = 5 + random.nextInt(30);
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < length; t++) {
                int word = random.nextDouble() < 0.8 ? topic * block + random.nextInt(block) : random.nextInt(vocab);
                text.append(l == 0 ? "en" : "zh").append(word).append(' ');
            }
            if (random.nextInt(10) == 0) {
                text.append("unknownword");
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** Featurised documents of language {@code l}. */
    List<Features> documents(int l, int count, Random random) {
        List<Features> documents = new ArrayList<>();
        for (String text : texts(l, count, random)) {
            documents.add(featurizer.featurize(l == 0 ? "en" : "zh", text));
        }
        return documents;
    }

    static List<SparseCounts> bows(List<Features> documents) {
        return documents.stream().map(f -> f.bow().counts()).toList();
    }

    static List<SparseCounts> globals(List<Features> documents) {
        return documents.stream().map(Features::global).toList();
    }

    private static LanguageCorpus corpus(List<Features> documents) {
        float[][] embeddings = new float[documents.size()][];
        for (int d = 0; d < documents.size(); d++) {
            // the share of each topic block among the document's known words
            float[] share = new float[TOPICS];
            SparseCounts x = documents.get(d).bow().counts();
            int block = x.dimension() / TOPICS;
            for (int i = 0; i < x.nnz(); i++) {
                share[x.indexAt(i) / block] += x.valueAt(i);
            }
            embeddings[d] = share;
        }
        return new LanguageCorpus(bows(documents), globals(documents), embeddings);
    }

    private static Vocabulary words(String lang, int size) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            words.add(lang + i);
        }
        return Vocabulary.of(words);
    }

    private static LanguageNeighbours rows(String lang, int block, int otherBlock) {
        int size = block * TOPICS;
        int[][] intra = new int[size][];
        int[][] cross = new int[size][];
        for (int w = 0; w < size; w++) {
            int topic = w / block;
            int position = w % block;
            intra[w] = new int[] {topic * block + (position + 1) % block};
            cross[w] = new int[] {topic * otherBlock + position % otherBlock};
        }
        return new LanguageNeighbours(lang, intra, cross);
    }
}
