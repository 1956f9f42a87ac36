package io.glostream.trainer.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One model's topics over its joint vocabulary, as the aligner needs them. Arrays and lists are copied in and
 * out; the record's equality is by reference, as for any array-holding record.
 *
 * @param languages the model's languages in block order, e.g. {@code [en, zh]}
 * @param vocabularies per language, its vocabulary words in index order (distinct words)
 * @param weights {@code [K x (V1 + V2 + ...)]}: per topic its unnormalised decoder weights over the joint
 *     vocabulary {@code [lang1 | lang2 | ...]}
 */
public record TopicWordMatrix(List<String> languages, List<List<String>> vocabularies, float[][] weights) {

    public TopicWordMatrix {
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("no languages");
        }
        languages = List.copyOf(languages);
        if (new HashSet<>(languages).size() != languages.size()) {
            throw new IllegalArgumentException("languages " + languages + " repeat a language");
        }
        if (vocabularies == null || vocabularies.size() != languages.size()) {
            throw new IllegalArgumentException("need one vocabulary per language " + languages + ", got "
                    + (vocabularies == null ? "none" : vocabularies.size()));
        }
        List<List<String>> copies = new ArrayList<>();
        int width = 0;
        for (int l = 0; l < languages.size(); l++) {
            List<String> words = List.copyOf(vocabularies.get(l));
            if (words.isEmpty()) {
                throw new IllegalArgumentException(languages.get(l) + " vocabulary is empty");
            }
            Set<String> seen = new HashSet<>();
            for (String word : words) {
                if (!seen.add(word)) {
                    throw new IllegalArgumentException(languages.get(l) + " vocabulary lists '" + word + "' twice");
                }
            }
            copies.add(words);
            width += words.size();
        }
        vocabularies = List.copyOf(copies);
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("no topics");
        }
        float[][] rows = new float[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] == null || weights[k].length != width) {
                throw new IllegalArgumentException("topic " + k + " has " + (weights[k] == null ? 0 : weights[k].length)
                        + " weights, the joint vocabulary has " + width + " words");
            }
            for (float w : weights[k]) {
                if (!Float.isFinite(w)) {
                    throw new IllegalArgumentException("topic " + k + " has a non-finite weight " + w);
                }
            }
            rows[k] = weights[k].clone();
        }
        weights = rows;
    }

    /**
     * Builds the matrix from a row-major {@code [K x (V1 + V2 + ...)]} array, as the trainer exports it.
     *
     * @throws IllegalArgumentException when the array's length is not a multiple of the joint vocabulary size
     */
    public static TopicWordMatrix fromRowMajor(List<String> languages, List<List<String>> vocabularies,
            float[] rowMajor) {
        int width = 0;
        for (List<String> words : vocabularies) {
            width += words.size();
        }
        if (width == 0 || rowMajor.length == 0 || rowMajor.length % width != 0) {
            throw new IllegalArgumentException(
                    rowMajor.length + " weights do not form rows over a joint vocabulary of " + width + " words");
        }
        float[][] rows = new float[rowMajor.length / width][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = Arrays.copyOfRange(rowMajor, k * width, (k + 1) * width);
        }
        return new TopicWordMatrix(languages, vocabularies, rows);
    }

    @Override
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            copy[k] = weights[k].clone();
        }
        return copy;
    }

    /** K. */
    public int numTopics() {
        return weights.length;
    }

    /**
     * Topic {@code topic}'s word distribution in language block {@code language}: the softmax of that block of
     * its weights.
     */
    /**
     * One language block of a topic's weights minus the block's mean: the decoder's softmax ignores such a
     * shift, and without it every pair of topics looks alike (the raw rows share a large common offset, and
     * their softmaxes are all close to uniform: cosines of 0.98 and more between unrelated EC News topics).
     */
    public double[] centredWeights(int topic, int language) {
        checkTopic(topic);
        int offset = blockOffset(language);
        int size = vocabularies.get(language).size();
        float[] row = weights[topic];
        double mean = 0;
        for (int w = 0; w < size; w++) {
            mean += row[offset + w];
        }
        mean /= size;
        double[] centred = new double[size];
        for (int w = 0; w < size; w++) {
            centred[w] = row[offset + w] - mean;
        }
        return centred;
    }

    /** Where {@code language}'s block starts in a joint row. */
    private int blockOffset(int language) {
        if (language < 0 || language >= languages.size()) {
            throw new IllegalArgumentException("language index " + language + " outside 0.." + (languages.size() - 1));
        }
        int offset = 0;
        for (int l = 0; l < language; l++) {
            offset += vocabularies.get(l).size();
        }
        return offset;
    }

    public double[] distribution(int topic, int language) {
        checkTopic(topic);
        int offset = blockOffset(language);
        int size = vocabularies.get(language).size();
        float[] row = weights[topic];
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < size; w++) {
            max = Math.max(max, row[offset + w]);
        }
        double[] p = new double[size];
        double sum = 0;
        for (int w = 0; w < size; w++) {
            p[w] = Math.exp(row[offset + w] - max);
            sum += p[w];
        }
        for (int w = 0; w < size; w++) {
            p[w] /= sum;
        }
        return p;
    }

    /**
     * The {@code n} words of highest weight of a topic in one language, best first; ties go to the lower index.
     * Fewer when the vocabulary is smaller than {@code n}.
     */
    public List<String> topWords(int topic, int language, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        double[] p = distribution(topic, language);
        List<String> words = vocabularies.get(language);
        List<Integer> order = new ArrayList<>();
        for (int w = 0; w < p.length; w++) {
            order.add(w);
        }
        order.sort((a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        List<String> top = new ArrayList<>();
        for (int r = 0; r < Math.min(n, order.size()); r++) {
            top.add(words.get(order.get(r)));
        }
        return top;
    }

    private void checkTopic(int topic) {
        if (topic < 0 || topic >= weights.length) {
            throw new IllegalArgumentException("topic " + topic + " outside 0.." + (weights.length - 1));
        }
    }
}
