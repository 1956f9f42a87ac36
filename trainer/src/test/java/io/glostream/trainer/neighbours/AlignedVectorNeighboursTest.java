package io.glostream.trainer.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.WordVectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-made aligned vectors whose nearest neighbours are worked out by hand: animals near (1, 0, 0),
 * vehicles near (0, 0, 1), in both languages' shared space.
 */
class AlignedVectorNeighboursTest {

    // en: cat 0, dog 1, car 2, bus 3, zzz 4 (no vector)
    private final DictionaryLedNeighbours.Side english = new DictionaryLedNeighbours.Side("en",
            Vocabulary.of(List.of("cat", "dog", "car", "bus", "zzz")), WordVectors.of(3, Map.of(
                    "cat", new float[] {1, 0.1f, 0},
                    "dog", new float[] {0.8f, 0.6f, 0},
                    "car", new float[] {0, 0, 1},
                    "bus", new float[] {0, 0.2f, 1})));
    // zh: 猫 0, 狗 1, 车 2
    private final DictionaryLedNeighbours.Side chinese = new DictionaryLedNeighbours.Side("zh",
            Vocabulary.of(List.of("猫", "狗", "车")), WordVectors.of(3, Map.of(
                    "猫", new float[] {1, 0, 0},
                    "狗", new float[] {0.7f, 0.7f, 0},
                    "车", new float[] {0, 0, 1})));

    @Test
    void neighboursAreTheNearestWordsByPlainCosine() {
        NeighbourTable table = new AlignedVectorNeighbours(1, 1).build(english, chinese, null).table();
        // intra en: cos(cat, dog) = 0.86 beats cos(cat, bus) = 0.02; cos(car, bus) = 0.98
        assertArrayEquals(new int[][] {{1}, {0}, {3}, {2}, {}}, rows(table, 0, true, 5));
        // cross en -> zh: cat->猫 0.995; dog->狗 0.99 (猫 0.8); car, bus -> 车
        assertArrayEquals(new int[][] {{0}, {1}, {2}, {2}, {}}, rows(table, 0, false, 5));
        // intra zh: 猫<->狗 (0.71), 车 has nothing with positive similarity
        assertArrayEquals(new int[][] {{1}, {0}, {}}, rows(table, 1, true, 3));
        // cross zh -> en: 猫->cat, 狗->dog (0.99 vs cat 0.77), 车->car (1.0 vs bus 0.98)
        assertArrayEquals(new int[][] {{0}, {1}, {2}}, rows(table, 1, false, 3));
    }

    @Test
    void keepsTheLayoutOrderWhenEnglishComesSecond() {
        NeighbourTable table = new AlignedVectorNeighbours(1, 1).build(chinese, english, null).table();
        assertArrayEquals(new int[][] {{0}, {1}, {2}}, rows(table, 0, false, 3));
        assertArrayEquals(new int[][] {{0}, {1}, {2}, {2}, {}}, rows(table, 1, false, 5));
    }

    @Test
    void reportsTheMethodAndHowOftenTheNearestWordIsATranslation() {
        // 车 is paired with bus on purpose: its nearest English word is car, a miss
        BilingualDictionary dict = BilingualDictionary.of(List.of(new String[] {"猫", "cat"},
                new String[] {"狗", "dog"}, new String[] {"车", "bus"}));
        NeighbourReport report = new AlignedVectorNeighbours(1, 1).build(english, chinese, dict).report();
        assertEquals(NeighbourReport.ALIGNED_COSINE, report.crossLingual());
        assertEquals(3, report.dictionaryPairs());
        assertEquals(3, report.heldOutWords());
        assertEquals(2.0 / 3, report.heldOutPrecisionAt1(), 1e-12);
        assertEquals(1.0, report.dictionaryCoverage().get("zh"));
        assertEquals(3.0 / 5, report.dictionaryCoverage().get("en"), 1e-12);
        assertEquals(4.0 / 5, report.vectorCoverage().get("en"), 1e-12);
    }

    @Test
    void withoutADictionaryReportsNoPrecision() {
        NeighbourReport report = new AlignedVectorNeighbours(1, 1).build(english, chinese, null).report();
        assertTrue(Double.isNaN(report.heldOutPrecisionAt1()));
        assertTrue(Double.isNaN(report.dictionaryCoverage().get("en")));
        assertEquals(0, report.dictionaryPairs());
    }

    @Test
    void refusesVectorsOfDifferentWidthsInOneLine() {
        DictionaryLedNeighbours.Side flat = new DictionaryLedNeighbours.Side("zh", Vocabulary.of(List.of("猫")),
                WordVectors.of(2, Map.of("猫", new float[] {1, 0})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlignedVectorNeighbours(1, 1).build(english, flat, null));
        assertEquals("--aligned-vectors: en vectors have 3 dimensions but zh vectors have 2; aligned vectors share"
                + " one space", e.getMessage());
    }

    private static int[][] rows(NeighbourTable table, int lang, boolean intra, int size) {
        int[][] out = new int[size][];
        for (int w = 0; w < size; w++) {
            out[w] = intra ? table.intra(lang, w) : table.cross(lang, w);
        }
        return out;
    }
}
