package io.glostream.trainer.align;

import static io.glostream.trainer.align.SyntheticTopics.model;
import static io.glostream.trainer.align.SyntheticTopics.peakedTopics;
import static io.glostream.trainer.align.SyntheticTopics.range;
import static io.glostream.trainer.align.SyntheticTopics.rowsInOrder;
import static io.glostream.trainer.align.SyntheticTopics.withNoise;
import static io.glostream.trainer.align.SyntheticTopics.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAlignmentTest {

    private static final List<String> EN = words("en", 400);
    private static final List<String> ZH = words("zh", 300);
    private static final int K = 8;
    private static final float[][] PREVIOUS_WEIGHTS = peakedTopics(range(K), EN, ZH, 1);
    private static final TopicWordMatrix PREVIOUS = model(EN, ZH, PREVIOUS_WEIGHTS);
    /** Current topic c is previous topic SHUFFLE[c]. */
    private static final int[] SHUFFLE = {5, 2, 7, 0, 3, 6, 1, 4};

    @Test
    void shuffledIdenticalTopicsGetTheirPreviousIdsBack() {
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, SHUFFLE)));
        assertArrayEquals(SHUFFLE, alignment.newIdOfCurrentTopic());
        assertArrayEquals(range(K), alignment.previousIdOfNewId());
    }

    @Test
    void shuffledIdenticalTopicsHaveSimilarityOneAndNoneIsNew() {
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, SHUFFLE)));
        double[] ones = new double[K];
        java.util.Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, alignment.similarity(), 1e-12);
        assertArrayEquals(new boolean[K], alignment.isNew());
    }

    @Test
    void permutingTheShuffledRowsRestoresThePreviousMatrixExactly() {
        float[][] shuffled = rowsInOrder(PREVIOUS_WEIGHTS, SHUFFLE);
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, shuffled));
        float[][] restored = alignment.permute(shuffled);
        for (int k = 0; k < K; k++) {
            assertArrayEquals(PREVIOUS_WEIGHTS[k], restored[k], "topic " + k);
        }
    }

    @Test
    void similarityIsTheShareOfTopWordsInCommonAmongTheSharedWords() {
        // Previous: 30 words, the topic's top 10 are a0..a9. Current: a5..a29 (a0..a4 left the vocabulary) plus
        // b0..b4, its top 10 a5..a9 and b0..b4. Over the 25 shared words the previous top 10 are a5..a14, the
        // current a5..a9 and a25..a29: 5 in common of 10.
        List<String> before = words("a", 30);
        List<String> after = new ArrayList<>(before.subList(5, 30));
        after.addAll(words("b", 5));
        float[][] previous = new float[1][30];
        for (int w = 0; w < 30; w++) {
            previous[0][w] = 30 - w;
        }
        float[][] current = new float[1][30];
        for (int w = 0; w < 5; w++) {
            current[0][w] = 100 - w;
            current[0][25 + w] = 90 - w;
        }
        for (int w = 5; w < 25; w++) {
            current[0][w] = w;
        }
        Alignment alignment = TopicAlignment.align(new TopicWordMatrix(List.of("en"), List.of(before), previous),
                new TopicWordMatrix(List.of("en"), List.of(after), current));
        assertEquals(0.5, alignment.similarity()[0], 1e-12);
        assertEquals(Map.of("en", 25), alignment.sharedVocabulary());
    }

    @Test
    void aTopicSharingSixOfItsTwentyTopWordsButNotItsHeaviestIsKept() {
        // Steep rows, as the trainer's decoders learn them: previous top words en0..en9 and zh0..zh9 with en0 and
        // zh0 far above the rest. The retrained topic keeps en5..en7 and zh5..zh7 (6 of 20), and its heaviest words
        // are others: the cosine of the top words' centred weights is 0.02, their overlap 0.3.
        int v = 40;
        List<String> en = words("en", v);
        List<String> zh = words("zh", v);
        float[][] previous = new float[1][2 * v];
        float[][] current = new float[1][2 * v];
        for (int block = 0; block < 2; block++) {
            int o = block * v;
            previous[0][o] = 40;
            for (int w = 1; w < 10; w++) {
                previous[0][o + w] = 10 - w * 0.5f;
            }
            current[0][o + 30] = 40;
            for (int w = 31; w < 37; w++) {
                current[0][o + w] = 10 - (w - 30) * 0.5f;
            }
            for (int w = 5; w < 8; w++) {
                current[0][o + w] = 5;
            }
        }
        Alignment alignment = TopicAlignment.align(model(en, zh, previous), model(en, zh, current));
        assertEquals(0.3, alignment.similarity()[0], 1e-12);
        assertFalse(alignment.isNew()[0]);
    }

    @Test
    void onlyEachTopicsTopWordsCount() {
        // 30 words: topic 0 peaks on words 0-19, topic 1 on words 10-29. Topic 0's tail (words 20-29) is reordered
        // between the models, which keeps its mean (so the centring) and changes the whole-row cosine, not the
        // similarity over the top words.
        int v = 30;
        List<String> vocabulary = words("en", v);
        float[][] previous = new float[2][v];
        float[][] current = new float[2][v];
        for (int w = 0; w < v; w++) {
            previous[0][w] = w < 20 ? 10 + w : w % 3;
            current[0][w] = w < 20 ? 10 + w : (49 - w) % 3;
            previous[1][w] = w >= 10 ? 40 - w : 0;
            current[1][w] = previous[1][w];
        }
        Alignment alignment = TopicAlignment.align(new TopicWordMatrix(List.of("en"), List.of(vocabulary), previous),
                new TopicWordMatrix(List.of("en"), List.of(vocabulary), current));
        assertEquals(1.0, alignment.similarity()[0], 1e-6);
        assertEquals(1.0, alignment.similarity()[1], 1e-6);
        assertArrayEquals(new int[] {0, 1}, alignment.previousIdOfNewId());
    }

    @Test
    void topicsSharingNoneOfTheirTopWordsScoreZeroAndAreNew() {
        int v = 40;
        List<String> vocabulary = words("en", v);
        float[][] first = new float[1][v];
        float[][] second = new float[1][v];
        for (int w = 0; w < 20; w++) {
            first[0][w] = 20 - w;
            second[0][20 + w] = 20 - w;
        }
        Alignment alignment = TopicAlignment.align(new TopicWordMatrix(List.of("en"), List.of(vocabulary), first),
                new TopicWordMatrix(List.of("en"), List.of(vocabulary), second));
        assertEquals(0.0, alignment.similarity()[0], 1e-12);
        assertTrue(alignment.isNew()[0]);
    }

    @Test
    void whereOverlapsTieTheCentredWeightsDecideAndAConstantShiftDoesNotChangeThem() {
        // Three words: every topic's top words are all of them, so the overlaps tie; the centred weights tell the
        // topics apart, and adding a constant to a row does not change its centred weights.
        List<String> vocabulary = List.of("a", "b", "c");
        TopicWordMatrix previous = new TopicWordMatrix(List.of("en"), List.of(vocabulary),
                new float[][] {{1, 2, 6}, {6, 2, 1}});
        TopicWordMatrix shifted = new TopicWordMatrix(List.of("en"), List.of(vocabulary),
                new float[][] {{106, 102, 101}, {101, 102, 106}});
        Alignment alignment = TopicAlignment.align(previous, shifted);
        assertArrayEquals(new int[] {1, 0}, alignment.newIdOfCurrentTopic());
        assertArrayEquals(new double[] {1, 1}, alignment.similarity(), 1e-12);
    }

    @Test
    void aFlatTopicIsComparedOnItsTopWordsWithoutNaN() {
        List<String> vocabulary = words("en", 20);
        float[][] flat = new float[1][20];
        float[][] peaked = new float[1][20];
        for (int w = 0; w < 20; w++) {
            peaked[0][w] = 20 - w;
        }
        Alignment alignment = TopicAlignment.align(new TopicWordMatrix(List.of("en"), List.of(vocabulary), flat),
                new TopicWordMatrix(List.of("en"), List.of(vocabulary), peaked));
        assertEquals(1.0, alignment.similarity()[0], 1e-12);
    }

    @Test
    void partlyOverlappingVocabulariesInAnotherOrderStillRecoverTheShuffle() {
        // The new vocabulary drops en0..en4 and zh0..zh2, adds ten words of its own, and lists all in reverse.
        List<String> en = new ArrayList<>(EN.subList(5, EN.size()));
        en.addAll(words("new-en", 10));
        Collections.reverse(en);
        List<String> zh = new ArrayList<>(ZH.subList(3, ZH.size()));
        zh.addAll(words("new-zh", 10));
        Collections.reverse(zh);
        TopicWordMatrix current = model(en, zh, peakedTopics(SHUFFLE, en, zh, 2));

        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        assertArrayEquals(SHUFFLE, alignment.newIdOfCurrentTopic());
        assertEquals(Map.of("en", 395, "zh", 297), alignment.sharedVocabulary());
        assertEquals(List.of("en", "zh"), List.copyOf(alignment.sharedVocabulary().keySet()));
        // Topic 0 lost en0..en4 and zh0..zh2 of its 20 peak words: over the shared words it keeps 12 of them.
        assertEquals(0.6, alignment.similarity()[0], 1e-12);
    }

    @Test
    void extraTopicsAreFlaggedNewAndNumberedAfterThePreviousIds() {
        // Current topics: two unseen topics (ids 8, 9 of the generator) among the shuffled old ones.
        int[] topics = {5, 8, 2, 7, 0, 9, 3, 6, 1, 4};
        TopicWordMatrix current = model(EN, ZH, peakedTopics(topics, EN, ZH, 3));

        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        assertArrayEquals(new int[] {5, 8, 2, 7, 0, 9, 3, 6, 1, 4}, alignment.newIdOfCurrentTopic());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, -1, -1}, alignment.previousIdOfNewId());
        boolean[] isNew = alignment.isNew();
        double[] similarity = alignment.similarity();
        for (int id = 0; id < 10; id++) {
            assertEquals(id >= K, isNew[id], "id " + id);
            assertEquals(id >= K, Double.isNaN(similarity[id]), "id " + id);
        }
    }

    @Test
    void fewerTopicsKeepTheirIdsWhereTheyExistAndTakeTheSmallestFreeIdOtherwise() {
        // Previous 8 topics; current keeps previous 7, 0 and 2. Id 7 does not exist among 3 topics, so that
        // topic takes the smallest free id, 1.
        TopicWordMatrix current = model(EN, ZH, rowsInOrder(PREVIOUS_WEIGHTS, new int[] {7, 0, 2}));

        Alignment alignment = TopicAlignment.align(PREVIOUS, current);

        assertArrayEquals(new int[] {1, 0, 2}, alignment.newIdOfCurrentTopic());
        assertArrayEquals(new int[] {0, 7, 2}, alignment.previousIdOfNewId());
        assertArrayEquals(new boolean[3], alignment.isNew());
        assertTrue(alignment.keptId(0));
        assertFalse(alignment.keptId(1));
        assertTrue(alignment.keptId(2));
    }

    @Test
    void noisyRetrainedTopicsAreStillMatched() {
        float[][] noisy = withNoise(rowsInOrder(PREVIOUS_WEIGHTS, SHUFFLE), 0.5, 4);
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, noisy));
        assertArrayEquals(SHUFFLE, alignment.newIdOfCurrentTopic());
        assertArrayEquals(new boolean[K], alignment.isNew());
    }

    @Test
    void aTopicMatchedOnlyForWantOfAnyOtherIsFlaggedNewButKeepsItsId() {
        // Current topic 3 is unseen (generator id 12): the square assignment must pair it with the one previous
        // topic left over, 0, whose words it does not share.
        int[] topics = {5, 2, 7, 12, 3, 6, 1, 4};
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, peakedTopics(topics, EN, ZH, 5)));

        assertEquals(0, alignment.newIdOfCurrentTopic()[3]);
        assertEquals(0, alignment.previousIdOfNewId()[0]);
        assertTrue(alignment.similarity()[0] < TopicAlignment.DEFAULT_NEW_TOPIC_THRESHOLD);
        assertTrue(alignment.isNew()[0]);
        assertFalse(alignment.keptId(0));
        for (int id = 1; id < K; id++) {
            assertFalse(alignment.isNew()[id], "id " + id);
        }
    }

    @Test
    void theThresholdDecidesWhichMatchedTopicsAreNew() {
        // Each retrained topic keeps 5 of its 10 peak words per language (similarity 0.5) and peaks elsewhere too.
        float[][] retrained = rowsInOrder(PREVIOUS_WEIGHTS, SHUFFLE);
        for (int c = 0; c < K; c++) {
            int topic = SHUFFLE[c];
            for (int i = 5; i < SyntheticTopics.PEAK_WORDS; i++) {
                int word = SyntheticTopics.PEAK_WORDS * topic + i;
                retrained[c][word] -= SyntheticTopics.PEAK;
                retrained[c][EN.size() + word] -= SyntheticTopics.PEAK;
                retrained[c][200 + word] += SyntheticTopics.PEAK;
                retrained[c][EN.size() + 200 + word] += SyntheticTopics.PEAK;
            }
        }
        TopicWordMatrix current = model(EN, ZH, retrained);
        for (double threshold : new double[] {0.4, 0.6}) {
            Alignment alignment = TopicAlignment.align(PREVIOUS, current, threshold);
            assertArrayEquals(SHUFFLE, alignment.newIdOfCurrentTopic());
            for (int id = 0; id < K; id++) {
                assertEquals(0.5, alignment.similarity()[id], 1e-12);
                assertEquals(threshold > 0.5, alignment.isNew()[id], "threshold " + threshold + ", id " + id);
            }
        }
    }

    @Test
    void differentLanguagePairsAreRefused() {
        TopicWordMatrix german = new TopicWordMatrix(List.of("en", "de"), List.of(EN, ZH), PREVIOUS_WEIGHTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicAlignment.align(PREVIOUS, german));
        assertTrue(e.getMessage().contains("[en, zh]") && e.getMessage().contains("[en, de]"), e.getMessage());
    }

    @Test
    void theSameLanguagesInAnotherBlockOrderAreRefused() {
        TopicWordMatrix swapped = new TopicWordMatrix(List.of("zh", "en"), List.of(EN, ZH), PREVIOUS_WEIGHTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicAlignment.align(PREVIOUS, swapped));
        assertTrue(e.getMessage().contains("block order"), e.getMessage());
    }

    @Test
    void modelsSharingNoWordAreRefused() {
        TopicWordMatrix disjoint = model(words("x", EN.size()), words("y", ZH.size()), PREVIOUS_WEIGHTS);
        assertThrows(IllegalArgumentException.class, () -> TopicAlignment.align(PREVIOUS, disjoint));
    }

    @Test
    void topicMatchesSerialiseWithNullsForUnmatchedTopics() throws Exception {
        int[] topics = {5, 8, 2, 7, 0, 3, 6, 1, 4};
        Alignment alignment = TopicAlignment.align(PREVIOUS, model(EN, ZH, peakedTopics(topics, EN, ZH, 3)));

        JsonNode json = new ObjectMapper().valueToTree(alignment.topics());

        JsonNode extra = json.get(8);
        assertEquals(8, extra.get("id").asInt());
        assertEquals(1, extra.get("currentTopic").asInt());
        assertTrue(extra.get("previousId").isNull());
        assertTrue(extra.get("similarity").isNull());
        assertTrue(extra.get("isNew").asBoolean());
        assertEquals(5, json.get(5).get("previousId").asInt());
        assertEquals(4, json.get(0).get("currentTopic").asInt());
        assertTrue(json.get(0).get("similarity").asDouble() > 0.9);
    }

    @Test
    void alignmentIsDeterministic() {
        float[][] noisy = withNoise(peakedTopics(new int[] {3, 1, 9, 0, 2, 5, 4, 6, 7}, EN, ZH, 6), 1.0, 7);
        TopicWordMatrix current = model(EN, ZH, noisy);
        Alignment first = TopicAlignment.align(PREVIOUS, current);
        Alignment second = TopicAlignment.align(PREVIOUS, current);
        assertArrayEquals(first.newIdOfCurrentTopic(), second.newIdOfCurrentTopic());
        assertArrayEquals(first.similarity(), second.similarity());
    }
}
