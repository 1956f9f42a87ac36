package io.glostream.core.model;

import java.util.Comparator;
import java.util.stream.IntStream;

/** The ranking of a document's topics that every output of the project lists: heaviest first, ties to the lower id. */
public final class TopTopics {

    private TopTopics() {
    }

    /**
     * The ids of the {@code n} (or fewer) largest entries of {@code theta}, largest first; equal weights are
     * ordered by topic id so the ranking is deterministic.
     */
    public static int[] of(float[] theta, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got " + n);
        }
        return IntStream.range(0, theta.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(k -> -theta[k]).thenComparing(k -> k))
                .limit(n)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The id of the largest entry of {@code theta} (the lowest id among equals). */
    public static int argmax(float[] theta) {
        if (theta.length == 0) {
            throw new IllegalArgumentException("theta is empty");
        }
        return of(theta, 1)[0];
    }

    /** A short human label of a topic: its first {@code n} words in each language, languages separated by " | ". */
    public static String label(TopicWords topic, int n) {
        return String.join(" | ", topic.words().keySet().stream()
                .map(lang -> String.join(", ", topic.words(lang, n)))
                .toArray(String[]::new));
    }
}
