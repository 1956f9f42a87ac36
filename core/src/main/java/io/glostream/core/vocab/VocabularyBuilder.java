package io.glostream.core.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link Vocabulary} from tokenised documents by document frequency (the number of documents
 * a word occurs in). Words are kept when their document frequency is at least {@code minDocFreq} and
 * at most {@code maxDocFreqRatio} of all documents, ordered by descending document frequency and then
 * by word ({@link String#compareTo}) so that the same corpus always gives the same vocabulary, and cut
 * to the {@code maxSize} most frequent. Not thread-safe.
 */
public final class VocabularyBuilder {

    private static final Comparator<Map.Entry<String, int[]>> MOST_FREQUENT_FIRST =
            Comparator.<Map.Entry<String, int[]>>comparingInt(entry -> -entry.getValue()[0])
                    .thenComparing(Map.Entry::getKey);

    private final Map<String, int[]> documentFrequencies = new HashMap<>();
    private int documents;
    private int minDocFreq = 1;
    private double maxDocFreqRatio = 1.0;
    private int maxSize = Integer.MAX_VALUE;

    /** Keep only words that occur in at least {@code count} documents (default 1). */
    public VocabularyBuilder minDocFreq(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("minDocFreq must be at least 1, got " + count);
        }
        minDocFreq = count;
        return this;
    }

    /** Keep only words that occur in at most this fraction of the documents, in (0, 1] (default 1). */
    public VocabularyBuilder maxDocFreqRatio(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("maxDocFreqRatio must be in (0, 1], got " + ratio);
        }
        maxDocFreqRatio = ratio;
        return this;
    }

    /** Keep at most this many words, the most frequent ones (default unlimited). */
    public VocabularyBuilder maxSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + size);
        }
        maxSize = size;
        return this;
    }

    /**
     * Counts each distinct token of one document once.
     *
     * @throws IllegalArgumentException for a token no vocabulary can hold (null, blank, with whitespace)
     */
    public void addDocument(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        Set<String> distinct = new HashSet<>(tokens);
        for (String token : distinct) {
            int[] frequency = documentFrequencies.get(token);
            if (frequency == null) {
                String problem = Vocabulary.problemWith(token);
                if (problem != null) {
                    throw new IllegalArgumentException("document " + documents + ": " + problem);
                }
                documentFrequencies.put(token, new int[] {1});
            } else {
                frequency[0]++;
            }
        }
        documents++;
    }

    /** Number of documents added so far. */
    public int documentCount() {
        return documents;
    }

    /**
     * The vocabulary of the documents added so far, within the bounds.
     *
     * @throws IllegalStateException when no word is left, naming the bound that removed them all
     */
    public Vocabulary build() {
        if (documentFrequencies.isEmpty()) {
            throw new IllegalStateException(documents == 0
                    ? "cannot build a vocabulary: no documents added"
                    : "cannot build a vocabulary: the " + documents + " documents have no tokens");
        }
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        int highest = 0;
        int frequentEnough = 0;
        for (Map.Entry<String, int[]> entry : documentFrequencies.entrySet()) {
            int frequency = entry.getValue()[0];
            highest = Math.max(highest, frequency);
            if (frequency >= minDocFreq) {
                frequentEnough++;
                if ((double) frequency / documents <= maxDocFreqRatio) {
                    kept.add(entry);
                }
            }
        }
        if (frequentEnough == 0) {
            throw new IllegalStateException("cannot build a vocabulary: minDocFreq=" + minDocFreq
                    + " removed every word (the most frequent occurs in " + highest + " of " + documents
                    + " documents)");
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("cannot build a vocabulary: maxDocFreqRatio=" + maxDocFreqRatio
                    + " removed all " + frequentEnough + " words that pass minDocFreq=" + minDocFreq
                    + " (each occurs in more than that fraction of " + documents + " documents)");
        }
        kept.sort(MOST_FREQUENT_FIRST);
        List<String> words = new ArrayList<>(Math.min(kept.size(), maxSize));
        for (int i = 0; i < kept.size() && i < maxSize; i++) {
            words.add(kept.get(i).getKey());
        }
        return Vocabulary.of(words);
    }
}
