package io.glostream.trainer.neighbours;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * A synthetic bilingual world: 60 English words with random 8-d vectors, and a foreign language whose
 * word i is English word i seen through a hidden rotation (plus a little noise). The dictionary pairs
 * them, except where a test wants it to say something else.
 */
class DictionaryLedNeighboursTest {

    private static final int WORDS = 60;
    private static final int DIM = 8;

    private final List<String> english = new ArrayList<>();
    private final List<String> foreign = new ArrayList<>();
    private final Map<String, float[]> enVectors = new HashMap<>();
    private final Map<String, float[]> foVectors = new HashMap<>();

    DictionaryLedNeighboursTest() {
        Random random = new Random(5);
        DMatrixRMaj rotation = RandomMatrices_DDRM.orthogonal(DIM, DIM, random);
        for (int i = 0; i < WORDS; i++) {
            String en = "word" + (char) ('a' + i % 26) + i;
            String fo = "外" + i;
            english.add(en);
            foreign.add(fo);
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
            float[] r = new float[DIM];
            for (int j = 0; j < DIM; j++) {
                double s = 0;
                for (int d = 0; d < DIM; d++) {
                    s += v[d] * rotation.get(d, j);
                }
                r[j] = (float) (s + 0.01 * random.nextGaussian());
            }
            enVectors.put(en, v);
            foVectors.put(fo, r);
        }
    }

    private BuiltNeighbours build(List<String[]> pairs, String firstLang) {
        DictionaryLedNeighbours.Side en = new DictionaryLedNeighbours.Side("en", Vocabulary.of(english),
                WordVectors.of(DIM, enVectors));
        DictionaryLedNeighbours.Side zh = new DictionaryLedNeighbours.Side("zh", Vocabulary.of(foreign),
                WordVectors.of(DIM, foVectors));
        DictionaryLedNeighbours builder = new DictionaryLedNeighbours(3, 2);
        BilingualDictionary dict = BilingualDictionary.of(pairs);
        return firstLang.equals("en") ? builder.build(en, zh, dict) : builder.build(zh, en, dict);
    }

    private List<String[]> identityPairs() {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            pairs.add(new String[] {foreign.get(i), english.get(i)});
        }
        return pairs;
    }

    @Test
    void alignmentFromTheDictionaryFindsHeldOutTranslations() {
        NeighbourReport report = build(identityPairs(), "en").report();
        assertEquals(WORDS, report.dictionaryPairs());
        assertEquals(6, report.heldOutWords());
        assertEquals(1.0, report.heldOutPrecisionAt1(), "a rotation plus 1% noise is recoverable");
        assertEquals(1.0, report.dictionaryCoverage().get("en"));
        assertEquals(1.0, report.dictionaryCoverage().get("zh"));
    }

    @Test
    void theTranslationLeadsAndTheAlignedSpaceTopsUp() {
        NeighbourTable table = build(identityPairs(), "en").table();
        for (int i = 0; i < WORDS; i++) {
            int[] cross = table.cross(0, i);
            assertEquals(3, cross.length);
            assertEquals(i, cross[0], "English word " + i + " leads with its translation");
            assertEquals(i, table.cross(1, i)[0], "foreign word " + i + " leads with its translation");
        }
    }

    @Test
    void aDictionaryTranslationBeatsANearerVector() {
        List<String[]> pairs = identityPairs();
        // the dictionary says foreign word 0 also means English word 7, which its vector does not suggest
        pairs.add(new String[] {foreign.get(0), english.get(7)});
        int[] cross = build(pairs, "en").table().cross(1, 0);
        assertEquals(0, cross[0], "the closer translation first");
        assertEquals(7, cross[1], "then the other translation, before any vector neighbour");
    }

    @Test
    void matchesThePorterStemmedEnglishSideOfTheDictionary() {
        enVectors.put("football", enVectors.remove(english.get(3)));
        english.set(3, "football");
        List<String[]> pairs = identityPairs();
        pairs.set(3, new String[] {foreign.get(3), "footbal"});
        int[] cross = build(pairs, "en").table().cross(1, 3);
        assertEquals(3, cross[0]);
    }

    @Test
    void intraNeighboursNeverIncludeTheWordItself() {
        NeighbourTable table = build(identityPairs(), "zh").table();
        assertEquals(List.of("zh", "en"), table.languages());
        for (int l = 0; l < 2; l++) {
            for (int w = 0; w < WORDS; w++) {
                int word = w;
                assertEquals(3, table.intra(l, w).length);
                assertTrue(Arrays.stream(table.intra(l, w)).noneMatch(n -> n == word));
            }
        }
    }

    @Test
    void wordsWithoutVectorsKeepTheirTranslationsOnly() {
        enVectors.remove(english.get(5));
        NeighbourTable table = build(identityPairs(), "en").table();
        assertArrayEquals(new int[0], table.intra(0, 5));
        assertArrayEquals(new int[] {5}, table.cross(0, 5));
    }

    @Test
    void refusesALanguagePairWithoutEnglish() {
        DictionaryLedNeighbours.Side a = new DictionaryLedNeighbours.Side("zh", Vocabulary.of(foreign),
                WordVectors.of(DIM, foVectors));
        DictionaryLedNeighbours.Side b = new DictionaryLedNeighbours.Side("ja", Vocabulary.of(foreign),
                WordVectors.of(DIM, foVectors));
        assertThrows(IllegalArgumentException.class,
                () -> new DictionaryLedNeighbours(3, 1).build(a, b, BilingualDictionary.of(identityPairs())));
    }

    @Test
    void refusesTooFewDictionaryPairsToAlign() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(identityPairs().subList(0, DIM - 1), "en"));
        assertTrue(e.getMessage().contains("only 7 dictionary pairs"), e.getMessage());
    }
}
