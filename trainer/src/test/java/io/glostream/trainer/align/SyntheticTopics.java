package io.glostream.trainer.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bilingual topic-word matrices whose topics are easy to tell apart: topic {@code k} puts a large weight on its
 * own {@value #PEAK_WORDS} words per language (as many as the aligner compares) over a small random background.
 */
final class SyntheticTopics {

    static final List<String> LANGUAGES = List.of("en", "zh");
    static final int PEAK_WORDS = 10;
    static final float PEAK = 4f;

    private SyntheticTopics() {
    }

    /** {@code en0..en(size-1)}, or any other prefix. */
    static List<String> words(String prefix, int size) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < size; w++) {
            words.add(prefix + w);
        }
        return words;
    }

    /**
     * Topics over the given vocabularies: topic {@code k} peaks at words {@code en(10k..10k+9)} and
     * {@code zh(10k..10k+9)}, wherever those words sit in the vocabularies, so topics {@code k} of two models built
     * here over different vocabularies describe the same words.
     */
    static float[][] peakedTopics(int[] topicIds, List<String> en, List<String> zh, long seed) {
        Random random = new Random(seed);
        float[][] weights = new float[topicIds.length][en.size() + zh.size()];
        for (int k = 0; k < topicIds.length; k++) {
            for (int w = 0; w < weights[k].length; w++) {
                weights[k][w] = (float) (random.nextGaussian() * 0.1);
            }
            for (int i = 0; i < PEAK_WORDS; i++) {
                int word = PEAK_WORDS * topicIds[k] + i;
                int enIndex = en.indexOf("en" + word);
                if (enIndex >= 0) {
                    weights[k][enIndex] += PEAK;
                }
                int zhIndex = zh.indexOf("zh" + word);
                if (zhIndex >= 0) {
                    weights[k][en.size() + zhIndex] += PEAK;
                }
            }
        }
        return weights;
    }

    static TopicWordMatrix model(List<String> en, List<String> zh, float[][] weights) {
        return new TopicWordMatrix(LANGUAGES, List.of(en, zh), weights);
    }

    /** Rows {@code order[0], order[1], ...} of {@code rows}. */
    static float[][] rowsInOrder(float[][] rows, int[] order) {
        float[][] picked = new float[order.length][];
        for (int i = 0; i < order.length; i++) {
            picked[i] = rows[order[i]].clone();
        }
        return picked;
    }

    static float[][] withNoise(float[][] rows, double sigma, long seed) {
        Random random = new Random(seed);
        float[][] noisy = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            noisy[k] = rows[k].clone();
            for (int w = 0; w < noisy[k].length; w++) {
                noisy[k][w] += (float) (random.nextGaussian() * sigma);
            }
        }
        return noisy;
    }

    static int[] range(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }
}
