package io.glostream.trainer.eval;

import io.glostream.core.features.SparseCounts;
import io.glostream.core.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny English-Chinese model to evaluate: two topics (pets, cars), four listed words per topic of
 * which evaluations with {@code topWords = 3} use three, and theta that separates the two labels.
 * The Chinese topics share 宠物 (pet), so Chinese TU is 5/6 while English TU is 1.
 */
final class SmallBilingualModel {

    static final Vocabulary EN = Vocabulary.of(List.of("cat", "dog", "pet", "car", "road", "r&d", "vet", "drive"));
    static final Vocabulary ZH = Vocabulary.of(List.of("猫", "狗", "宠物", "车", "路", "研发", "兽医", "开"));

    /** pets: cat dog pet (vet) | cars: car road r&d (drive). */
    static final int[][] EN_TOPICS = {{0, 1, 2, 6}, {3, 4, 5, 7}};
    /** pets: 猫 狗 宠物 (兽医) | cars: 车 路 宠物 (开). */
    static final int[][] ZH_TOPICS = {{0, 1, 2, 6}, {3, 4, 2, 7}};

    private SmallBilingualModel() {
    }

    static LanguageData english() {
        return new LanguageData("en", EN, EN_TOPICS, theta(1, 2, 1, 2, 1, 2), new int[] {1, 2, 1, 2, 1, 2},
                theta(2, 1, 1, 2), new int[] {2, 1, 1, 2},
                List.of(bag(8, 0, 1), bag(8, 0, 2), bag(8, 3, 4), bag(8, 4, 5), bag(8, 1, 2, 3), bag(8, 6)));
    }

    static LanguageData chinese() {
        return new LanguageData("zh", ZH, ZH_TOPICS, theta(2, 2, 1, 1), new int[] {2, 2, 1, 1},
                theta(1, 2, 2), new int[] {1, 2, 2},
                List.of(bag(8, 0, 1), bag(8, 1, 2), bag(8, 3, 4), bag(8, 2, 4), bag(8, 0, 3)));
    }

    /** Aligned reference pairs given Chinese first, to check that the evaluator reorders the topics. */
    static AlignedCorpus reference() {
        return AlignedCorpus.of("zh", "en",
                List.of("猫 狗", "宠物 猫", "车 路", "路 研发", "狗"),
                List.of("cat dog pet", "cat", "car road", "road", "dog vet"));
    }

    /** Rows close to (0.9, 0.1) for label 1 and (0.1, 0.9) for label 2, jittered so no two coincide. */
    private static float[][] theta(int... labels) {
        float[][] rows = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            float jitter = 0.01f * i;
            rows[i] = labels[i] == 1 ? new float[] {0.9f - jitter, 0.1f + jitter} : new float[] {0.1f + jitter, 0.9f - jitter};
        }
        return rows;
    }

    private static SparseCounts bag(int dimension, int... ids) {
        return SparseCounts.countOccurrences(dimension, ids, ids.length);
    }

    static List<List<String>> words(Vocabulary vocabulary, int[][] topics, int topWords) {
        List<List<String>> words = new ArrayList<>();
        for (int[] topic : topics) {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < topWords; i++) {
                list.add(vocabulary.word(topic[i]));
            }
            words.add(list);
        }
        return words;
    }
}
