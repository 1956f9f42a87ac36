package io.glostream.trainer.model;

import io.glostream.core.features.SparseCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small bilingual corpus with real topic structure: each of K topics owns V/K words per language,
 * language 2's word j translates language 1's word (7j + 3) mod V, documents draw most tokens from one
 * topic, augmented vectors add each active word's translation, and embeddings are a noisy one-hot of the
 * document's topic.
 */
final class SyntheticCorpus {

    static final int EMBEDDING_WIDTH = 8;

    private SyntheticCorpus() {
    }

    static TrainingData generate(int vocab, int topics, int docsPerLanguage, long seed) {
        Random random = new Random(seed);
        return new TrainingData(language(1, vocab, topics, docsPerLanguage, random),
                language(2, vocab, topics, docsPerLanguage, random));
    }

    private static LanguageCorpus language(int lang, int vocab, int topics, int docs, Random random) {
        int wordsPerTopic = vocab / topics;
        List<SparseCounts> bow = new ArrayList<>();
        List<SparseCounts> augmented = new ArrayList<>();
        float[][] embeddings = new float[docs][EMBEDDING_WIDTH];
        for (int d = 0; d < docs; d++) {
            int topic = random.nextInt(topics);
            int length = 20 + random.nextInt(20);
            int[] tokens = new int[length];
            for (int t = 0; t < length; t++) {
                int topicWord = random.nextDouble() < 0.85
                        ? topic * wordsPerTopic + random.nextInt(wordsPerTopic)
                        : random.nextInt(vocab);
                tokens[t] = lang == 1 ? topicWord : translate(topicWord, vocab);
            }
            SparseCounts x = SparseCounts.countOccurrences(vocab, tokens, length);
            bow.add(x);
            augmented.add(augment(lang, x, vocab));
            for (int m = 0; m < EMBEDDING_WIDTH; m++) {
                embeddings[d][m] = (m == topic ? 1f : 0f) + 0.1f * (float) random.nextGaussian();
            }
        }
        return new LanguageCorpus(bow, augmented, embeddings);
    }

    /** [x | T(x)] for language 1, [T^-1(x) | x] for language 2, counting active words once per block. */
    private static SparseCounts augment(int lang, SparseCounts x, int vocab) {
        int[] occurrences = new int[2 * x.nnz()];
        for (int i = 0; i < x.nnz(); i++) {
            int w = x.indexAt(i);
            if (lang == 1) {
                occurrences[2 * i] = w;
                occurrences[2 * i + 1] = vocab + translate(w, vocab);
            } else {
                occurrences[2 * i] = untranslate(w, vocab);
                occurrences[2 * i + 1] = vocab + w;
            }
        }
        return SparseCounts.countOccurrences(2 * vocab, occurrences, occurrences.length);
    }

    private static int translate(int word, int vocab) {
        return (7 * word + 3) % vocab;
    }

    private static int untranslate(int word, int vocab) {
        for (int w = 0; w < vocab; w++) {
            if (translate(w, vocab) == word) {
                return w;
            }
        }
        throw new IllegalStateException("no preimage of " + word);
    }
}
