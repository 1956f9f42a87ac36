package io.glostream.core.features;

import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import java.util.Objects;

/**
 * A document's term frequencies over a vocabulary, plus how many of its tokens the vocabulary did not
 * know. Unknown tokens only count towards {@link #oovTokens}; they have no column.
 *
 * @param counts    term frequency per vocabulary index, dimension = vocabulary size
 * @param tokens    all tokens of the document, known or not
 * @param oovTokens tokens not in the vocabulary
 */
public record BagOfWords(SparseCounts counts, int tokens, int oovTokens) {

    /** Checks that the counts add up: {@code counts.total() == tokens - oovTokens}. */
    public BagOfWords {
        Objects.requireNonNull(counts, "counts");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be non-negative, got " + tokens);
        }
        if (oovTokens < 0 || oovTokens > tokens) {
            throw new IllegalArgumentException("oovTokens must be in [0, tokens=" + tokens + "], got " + oovTokens);
        }
        if (counts.total() != tokens - oovTokens) {
            throw new IllegalArgumentException("counts total " + counts.total() + " differs from tokens - oovTokens = "
                    + (tokens - oovTokens));
        }
    }

    /** The bag of words of {@code tokens} over {@code vocabulary}. */
    public static BagOfWords of(List<String> tokens, Vocabulary vocabulary) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(vocabulary, "vocabulary");
        int[] known = new int[tokens.size()];
        int knownCount = 0;
        for (String token : tokens) {
            int index = vocabulary.indexOf(token);
            if (index >= 0) {
                known[knownCount++] = index;
            }
        }
        SparseCounts counts = SparseCounts.countOccurrences(vocabulary.size(), known, knownCount);
        return new BagOfWords(counts, tokens.size(), tokens.size() - knownCount);
    }

    /** Fraction of tokens the vocabulary did not know; 0 for a document without tokens. */
    public double oovRate() {
        return tokens == 0 ? 0.0 : (double) oovTokens / tokens;
    }
}
