package io.glostream.trainer.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topic uniqueness (TU, Nan et al. 2019) of one language's topics:
 * <pre>
 *   TU = (1/K) sum_k (1/N) sum_{i in top_k} 1 / cnt(i)
 * </pre>
 * where {@code top_k} is the list of the {@code N} top words of topic {@code k} and {@code cnt(i)} is the
 * number of the {@code K} topics whose list holds word {@code i}. TU is 1 when no word is shared and
 * {@code 1/K} when all topics list the same words. Words may be strings or vocabulary ids.
 */
public final class TopicUniqueness {

    private TopicUniqueness() {
    }

    /** TU of the topics; every topic lists the same number of distinct words. */
    public static <W> double of(List<? extends List<W>> topics) {
        double[] contributions = perTopic(topics);
        double sum = 0;
        for (double c : contributions) {
            sum += c;
        }
        return sum / contributions.length;
    }

    /**
     * Each topic's term of the outer sum, {@code (1/N) sum_{i in top_k} 1/cnt(i)}: how unique that topic's
     * words are. Their mean is {@link #of}.
     */
    public static <W> double[] perTopic(List<? extends List<W>> topics) {
        checkTopics(topics);
        Map<W, Integer> topicsHolding = new HashMap<>();
        for (List<W> topic : topics) {
            for (W word : topic) {
                topicsHolding.merge(word, 1, Integer::sum);
            }
        }
        double[] contributions = new double[topics.size()];
        for (int k = 0; k < topics.size(); k++) {
            List<W> topic = topics.get(k);
            double sum = 0;
            for (W word : topic) {
                sum += 1.0 / topicsHolding.get(word);
            }
            contributions[k] = sum / topic.size();
        }
        return contributions;
    }

    private static <W> void checkTopics(List<? extends List<W>> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topics");
        }
        int n = topics.get(0).size();
        if (n == 0) {
            throw new IllegalArgumentException("topic 0 has no words");
        }
        for (int k = 0; k < topics.size(); k++) {
            List<W> topic = topics.get(k);
            if (topic.size() != n) {
                throw new IllegalArgumentException("topic " + k + " has " + topic.size() + " words, topic 0 has " + n);
            }
            Set<W> seen = new HashSet<>();
            for (W word : topic) {
                if (word == null) {
                    throw new IllegalArgumentException("topic " + k + " holds a null word");
                }
                if (!seen.add(word)) {
                    throw new IllegalArgumentException("topic " + k + " lists word " + word + " twice");
                }
            }
        }
    }
}
