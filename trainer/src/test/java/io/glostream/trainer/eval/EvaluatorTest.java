package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double EPS = 1e-12;
    private static final Evaluator THREE_WORDS = new Evaluator(3, CnpmiCounting.OFFICIAL_SCRIPT);

    private final LanguageData en = SmallBilingualModel.english();
    private final LanguageData zh = SmallBilingualModel.chinese();

    @Test
    void withThetaKeepsDocumentsLabelsAndTopicsAndReplacesOnlyTheFeatures() {
        float[][] train = new float[en.trainTheta().length][];
        float[][] test = new float[en.testTheta().length][];
        for (int i = 0; i < train.length; i++) {
            train[i] = new float[] {i, -i};
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = new float[] {-i, i};
        }
        LanguageData other = en.withTheta(train, test);
        assertSame(train, other.trainTheta());
        assertSame(test, other.testTheta());
        assertSame(en.topWordIds(), other.topWordIds());
        assertSame(en.trainLabels(), other.trainLabels());
        assertSame(en.testLabels(), other.testLabels());
        assertEquals(en.testDocuments(), other.testDocuments());
        assertThrows(IllegalArgumentException.class, () -> en.withTheta(new float[1][], test));
    }

    @Test
    void topicUniquenessIsReportedPerLanguageAndAsTheirMean() {
        // en topics share no word: 1. zh: 宠物 in both topics, each topic (1 + 1 + 1/2) / 3 = 5/6.
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, null, Map.of()).report();
        assertEquals(List.of("en", "zh", "mean"), List.copyOf(report.tu().keySet()));
        assertEquals(1.0, report.tu().get("en"), EPS);
        assertEquals(5.0 / 6, report.tu().get("zh"), EPS);
        assertEquals(11.0 / 12, report.tu().get("mean"), EPS);
    }

    @Test
    void onlyTheFirstTopWordsOfEachTopicAreEvaluated() {
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, null, Map.of()).report();
        assertEquals(Map.of("en", List.of("cat", "dog", "pet"), "zh", List.of("猫", "狗", "宠物")), report.topics().get(0));
        assertEquals(Map.of("en", List.of("car", "road", "r&d"), "zh", List.of("车", "路", "宠物")), report.topics().get(1));
    }

    @Test
    void npmiIsEachLanguagesTopicsOnItsOwnTestDocuments() {
        Evaluation evaluation = THREE_WORDS.evaluate(en, zh, null, Map.of());
        int[][] enTop3 = {{0, 1, 2}, {3, 4, 5}};
        int[][] zhTop3 = {{0, 1, 2}, {3, 4, 2}};
        assertEquals(MonolingualNpmi.of(enTop3, en.testDocuments()), evaluation.report().npmi().get("en"), EPS);
        assertEquals(MonolingualNpmi.of(zhTop3, zh.testDocuments()), evaluation.report().npmi().get("zh"), EPS);
        assertEquals(2, evaluation.npmiPerTopic().get("zh").length);
    }

    @Test
    void withoutAReferenceCorpusCnpmiAndTqAreNull() {
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, null, Map.of()).report();
        assertNull(report.cnpmi());
        assertNull(report.tq());
        assertTrue(!report.timing().containsKey("cnpmi"));
    }

    @Test
    void cnpmiUsesTheReferenceCorpusLanguageOrderAndTqScalesTheMeanTu() {
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, SmallBilingualModel.reference(), Map.of()).report();
        List<List<String>> zhTopics = SmallBilingualModel.words(SmallBilingualModel.ZH, SmallBilingualModel.ZH_TOPICS, 3);
        List<List<String>> enTopics = SmallBilingualModel.words(SmallBilingualModel.EN, SmallBilingualModel.EN_TOPICS, 3);
        ReferenceCounts counts = ReferenceCounts.count(SmallBilingualModel.reference(), Cnpmi.wordsOf(zhTopics),
                Cnpmi.wordsOf(enTopics));
        double expected = Cnpmi.of(zhTopics, enTopics, counts, CnpmiCounting.OFFICIAL_SCRIPT);
        assertEquals(expected, report.cnpmi(), EPS);
        assertEquals(Math.max(expected, 0) * 11.0 / 12, report.tq(), EPS);
    }

    @Test
    void aReferenceCorpusInOtherLanguagesIsRefused() {
        AlignedCorpus enJa = AlignedCorpus.of("en", "ja", List.of("cat"), List.of("猫"));
        assertThrows(IllegalArgumentException.class, () -> THREE_WORDS.evaluate(en, zh, enJa, Map.of()));
    }

    @Test
    void classificationCoversIntraAndCrossDirectionsKeyedTrainToTest() {
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, null, Map.of()).report();
        assertEquals(List.of("en->en", "zh->zh", "en->zh", "zh->en"), List.copyOf(report.classification().keySet()));
        // theta separates the labels the same way in both languages
        report.classification().values().forEach(score -> assertEquals(new ClassificationScore(1.0, 1.0), score));
    }

    @Test
    void aSecondLanguageTrainingSetOfOneClassFailsWithTheClassifiersOwnError() {
        LanguageData oneClass = new LanguageData("zh", zh.vocabulary(), zh.topWordIds(), zh.trainTheta(),
                new int[] {1, 1, 1, 1}, zh.testTheta(), zh.testLabels(), zh.testDocuments());
        assertThrows(IllegalArgumentException.class, () -> THREE_WORDS.evaluate(en, oneClass, null, Map.of()));
    }

    @Test
    void everyPartIsTimedAndProvenanceIsKept() {
        EvaluationReport report = THREE_WORDS.evaluate(en, zh, SmallBilingualModel.reference(),
                Map.of("model", "gloctm-test")).report();
        assertEquals(List.of("tu", "npmi", "cnpmi", "classification", "total"), List.copyOf(report.timing().keySet()));
        report.timing().values().forEach(seconds -> assertTrue(seconds >= 0));
        assertEquals(Map.of("model", "gloctm-test"), report.provenance());
    }

    @Test
    void topicsShorterThanTheEvaluatedTopWordsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Evaluator.paperSettings().evaluate(en, zh, null, Map.of()));
    }

    @Test
    void thetaNotKColumnsWideIsRefused() {
        LanguageData wide = new LanguageData("en", en.vocabulary(), en.topWordIds(), new float[][] {{0.5f, 0.3f, 0.2f}},
                new int[] {1}, en.testTheta(), en.testLabels(), en.testDocuments());
        assertThrows(IllegalArgumentException.class, () -> THREE_WORDS.evaluate(wide, zh, null, Map.of()));
    }

    @Test
    void differentTopicCountsAreRefused() {
        LanguageData oneTopic = new LanguageData("zh", zh.vocabulary(), new int[][] {{0, 1, 2}}, zh.trainTheta(),
                zh.trainLabels(), zh.testTheta(), zh.testLabels(), zh.testDocuments());
        assertThrows(IllegalArgumentException.class, () -> THREE_WORDS.evaluate(en, oneTopic, null, Map.of()));
    }
}
