package io.glostream.trainer.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The top words of every topic in each language, from the topic-word matrix beta = [beta_1 | beta_2]
 * (K rows over the joint vocabulary): each language's half of a row, most heavily weighted first (the
 * decoder's softmax keeps the order), ties to the lower word id.
 */
public final class TopWords {

    private TopWords() {
    }

    /**
     * @param topicWord row-major {@code K x (V1 + V2)}
     * @return {@code [language][topic][rank]} vocabulary ids of each language, {@code n} per topic (fewer when
     *     the vocabulary is smaller)
     */
    public static int[][][] of(float[] topicWord, int topics, int vocab1, int vocab2, int n) {
        int joint = vocab1 + vocab2;
        if (topicWord.length != topics * joint) {
            throw new IllegalArgumentException(topicWord.length + " topic-word values for " + topics + " x " + joint);
        }
        int[][][] out = new int[2][topics][];
        for (int k = 0; k < topics; k++) {
            out[0][k] = top(topicWord, k * joint, vocab1, n);
            out[1][k] = top(topicWord, k * joint + vocab1, vocab2, n);
        }
        return out;
    }

    private static int[] top(float[] m, int offset, int length, int n) {
        Integer[] ids = IntStream.range(0, length).boxed().toArray(Integer[]::new);
        Arrays.sort(ids, Comparator.<Integer>comparingDouble(i -> -m[offset + i]).thenComparingInt(i -> i));
        return Arrays.stream(ids).limit(Math.min(n, length)).mapToInt(Integer::intValue).toArray();
    }
}
