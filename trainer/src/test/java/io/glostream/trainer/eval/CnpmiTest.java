package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CnpmiTest {

    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /*
     * Four aligned pairs (W = 4). The first English document separates its tokens by a tab and a no-break
     * space, and the second is upper case: the official script lower-cases and splits on any whitespace.
     *   pair 1: "cat dog cat" | 猫 狗
     *   pair 2: "CAT"         | 猫
     *   pair 3: "car road"    | 车
     *   pair 4: "car"         | 车 猫
     * Topic 0: en [cat, dog] / zh [猫, 狗]; topic 1: en [car, road] / zh [车, 路]; 路 never occurs.
     *
     * Occurrences: cat 3, dog 1, car 2, road 1 | 猫 3, 狗 1, 车 2, 路 0.
     * Documents:   cat 2, dog 1, car 2, road 1 | 猫 3, 狗 1, 车 2, 路 0.
     * Pairs holding both: cat&猫 2, cat&狗 1, dog&猫 1, dog&狗 1, car&车 2, car&路 0, road&车 1, road&路 0.
     */
    private static final AlignedCorpus CORPUS = AlignedCorpus.of("en", "zh",
            List.of("cat\tdog\u00a0cat", "CAT", "car road", "car"),
            List.of("猫 狗", "猫", "车", "车 猫"));
    private static final List<List<String>> EN = List.of(List.of("cat", "dog"), List.of("car", "road"));
    private static final List<List<String>> ZH = List.of(List.of("猫", "狗"), List.of("车", "路"));

    /*
     * Official counting, word counts = occurrences; NPMI = log10(c12 W / (c1 c2)) / -log10(c12 / W):
     *   cat&猫  c1 3, c2 3, c12 2: log10(8/9) / log10(2)      = 3 - 2 log2 3
     *   cat&狗  c1 3, c2 1, c12 1: log10(4/3) / log10(4)      = 1 - (log2 3) / 2
     *   dog&猫  c1 1, c2 3, c12 1: the same                   = 1 - (log2 3) / 2
     *   dog&狗  1, 1, 1:           log10(4) / log10(4)        = 1
     *   car&车  2, 2, 2:           log10(2) / log10(2)        = 1
     *   car&路  路 never occurs                               = 0
     *   road&车 1, 2, 1:           log10(2) / log10(4)        = 1/2
     *   road&路                                               = 0
     * Sum 7.5 - 3 log2 3, mean over the 8 pairs (7.5 - 3 log2 3) / 8 = 0.343139...
     * The official script's own counting logic, run with scikit-learn 1.2.1 on these files, printed
     * 0.3431390622295664.
     */
    @Test
    void officialCountingMatchesTheHandComputedMean() {
        ReferenceCounts counts = ReferenceCounts.count(CORPUS, Cnpmi.wordsOf(EN), Cnpmi.wordsOf(ZH));
        double expected = (7.5 - 3 * LOG2_3) / 8;
        assertEquals(expected, Cnpmi.of(EN, ZH, counts, CnpmiCounting.OFFICIAL_SCRIPT), EPS);
        assertEquals(0.3431390622295664, Cnpmi.of(EN, ZH, counts, CnpmiCounting.OFFICIAL_SCRIPT), 1e-15);
    }

    /*
     * Document counting, word counts = documents holding the word (cat 2 instead of 3, 猫 3):
     *   cat&猫  2, 3, 2: log10(8/6) / log10(2) = 2 - log2 3
     *   cat&狗  2, 1, 1: log10(2) / log10(4)   = 1/2
     *   dog&猫  1, 3, 1: log10(4/3) / log10(4) = 1 - (log2 3) / 2
     *   dog&狗 1, car&车 1, car&路 0, road&车 1/2, road&路 0 as before.
     * Sum 6 - 1.5 log2 3, mean (6 - 1.5 log2 3) / 8 = 0.452820...
     */
    @Test
    void documentFrequencyCountingMatchesTheHandComputedMean() {
        ReferenceCounts counts = ReferenceCounts.count(CORPUS, Cnpmi.wordsOf(EN), Cnpmi.wordsOf(ZH));
        assertEquals((6 - 1.5 * LOG2_3) / 8, Cnpmi.of(EN, ZH, counts, CnpmiCounting.DOCUMENT_FREQUENCY), EPS);
    }

    /*
     * "nba" is a top word of both languages. W = 3:
     *   pair 1: "nba cat" | nba nba 猫
     *   pair 2: "cat"     | 猫
     *   pair 3: "dog"     | nba
     * Occurrences: en nba 1, cat 2 | zh nba 3, 猫 2. The official script's one count dictionary takes
     * the Chinese count for English "nba": c1(nba) = 3.
     *   cat&猫   2, 2, 2: log10(6/4) / -log10(2/3)  = 1
     *   cat&nba  2, 3, 1: log10(3/6) / log10(3)     = -log3 2
     *   nba&猫   3, 2, 1: log10(3/6) / log10(3)     = -log3 2   (0.369... with the English count 1)
     *   nba&nba  3, 3, 1: log10(3/9) / log10(3)     = -1        (0 with the English count 1)
     * Mean (1 - 2 log3 2 - 1) / 4 = -(log3 2) / 2; the official logic printed -0.31546487678572865.
     */
    @Test
    void officialCountingGivesAFirstLanguageWordSpelledLikeASecondLanguageTopWordTheSecondLanguageCount() {
        AlignedCorpus corpus = AlignedCorpus.of("en", "zh", List.of("nba cat", "cat", "dog"),
                List.of("nba nba 猫", "猫", "nba"));
        List<List<String>> en = List.of(List.of("cat", "nba"));
        List<List<String>> zh = List.of(List.of("猫", "nba"));
        ReferenceCounts counts = ReferenceCounts.count(corpus, Cnpmi.wordsOf(en), Cnpmi.wordsOf(zh));
        assertEquals(-(Math.log(2) / Math.log(3)) / 2, Cnpmi.of(en, zh, counts, CnpmiCounting.OFFICIAL_SCRIPT), EPS);
    }

    @Test
    void aPairInEveryWindowFailsAsTheOfficialScriptDoes() {
        AlignedCorpus corpus = AlignedCorpus.of("en", "zh", List.of("sun moon", "sun"), List.of("日", "日 月"));
        List<List<String>> en = List.of(List.of("sun", "moon"));
        List<List<String>> zh = List.of(List.of("日", "月"));
        ReferenceCounts counts = ReferenceCounts.count(corpus, Cnpmi.wordsOf(en), Cnpmi.wordsOf(zh));
        assertThrows(ArithmeticException.class, () -> Cnpmi.of(en, zh, counts, CnpmiCounting.OFFICIAL_SCRIPT));
        assertThrows(ArithmeticException.class, () -> Cnpmi.of(en, zh, counts, CnpmiCounting.DOCUMENT_FREQUENCY));
    }

    @Test
    void referenceCountsRecordOccurrencesDocumentsAndCoDocuments() {
        ReferenceCounts counts = ReferenceCounts.count(CORPUS, Cnpmi.wordsOf(EN), Cnpmi.wordsOf(ZH));
        assertEquals(4, counts.windows());
        assertEquals(3, counts.first().occurrences("cat"));
        assertEquals(2, counts.first().documents("cat"));
        assertEquals(3, counts.second().occurrences("猫"));
        assertEquals(0, counts.second().documents("路"));
        assertEquals(2, counts.coDocuments("cat", "猫"));
        assertEquals(1, counts.coDocuments("road", "车"));
    }

    @Test
    void askingForAWordThatWasNotCountedIsRefused() {
        ReferenceCounts counts = ReferenceCounts.count(CORPUS, Cnpmi.wordsOf(EN), Cnpmi.wordsOf(ZH));
        assertThrows(IllegalArgumentException.class, () -> counts.first().occurrences("猫"));
    }

    @Test
    void topicListsOfUnequalLengthAreRefused() {
        ReferenceCounts counts = ReferenceCounts.count(CORPUS, Cnpmi.wordsOf(EN), Cnpmi.wordsOf(ZH));
        List<List<String>> shortZh = List.of(List.of("猫"), List.of("车"));
        assertThrows(IllegalArgumentException.class,
                () -> Cnpmi.of(EN, shortZh, counts, CnpmiCounting.OFFICIAL_SCRIPT));
    }

    @Test
    void anEmptyReferenceCorpusIsRefused() {
        AlignedCorpus empty = AlignedCorpus.of("en", "zh", List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> ReferenceCounts.count(empty, List.of("a"), List.of("b")));
    }
}
