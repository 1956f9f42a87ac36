package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicUniquenessTest {

    private static final double EPS = 1e-12;

    /*
     * Three topics of four words. Word "a" is in all three topics (cnt = 3), "b" in two (cnt = 2), every
     * other word in one.
     *   topic 0: a b c d -> (1/3 + 1/2 + 1 + 1) / 4 = (17/6) / 4 = 17/24
     *   topic 1: a b e f -> same                      = 17/24
     *   topic 2: a g h i -> (1/3 + 1 + 1 + 1) / 4     = (10/3) / 4 = 20/24
     *   TU = (17 + 17 + 20) / 24 / 3 = 54/72 = 0.75
     */
    private static final List<List<String>> THREE_TOPICS = List.of(
            List.of("a", "b", "c", "d"),
            List.of("a", "b", "e", "f"),
            List.of("a", "g", "h", "i"));

    @Test
    void threeTopicsOfFourWordsScoreAsWorkedByHand() {
        assertEquals(0.75, TopicUniqueness.of(THREE_TOPICS), EPS);
    }

    @Test
    void perTopicContributionsAreTheTermsOfTheOuterSum() {
        assertArrayEquals(new double[] {17.0 / 24, 17.0 / 24, 20.0 / 24}, TopicUniqueness.perTopic(THREE_TOPICS), EPS);
    }

    @Test
    void topicsSharingNoWordScoreOne() {
        assertEquals(1.0, TopicUniqueness.of(List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6))), EPS);
    }

    @Test
    void identicalTopicsScoreOneOverK() {
        List<String> same = List.of("x", "y", "z");
        assertEquals(0.25, TopicUniqueness.of(List.of(same, same, same, same)), EPS);
    }

    @Test
    void topicsOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TopicUniqueness.of(List.of(List.of("a", "b"), List.of("c"))));
    }

    @Test
    void aWordListedTwiceInOneTopicIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TopicUniqueness.of(List.of(List.of("a", "a"), List.of("b", "c"))));
    }

    @Test
    void noTopicsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopicUniqueness.of(List.<List<String>>of()));
    }
}
