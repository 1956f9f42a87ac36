package io.glostream.core.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How text of one language is cut into tokens. Stored in the model bundle's manifest so that serving
 * analyses exactly as training did; serialises with Jackson as a plain JSON object, every field
 * except {@code extraStopWords} required.
 *
 * @param lowercase       lower-case tokens (SmartCN lower-cases Latin letters itself, whatever this says)
 * @param removeStopWords remove the language's built-in stop words, matched ignoring case (for
 *                        Japanese also the part-of-speech stop tags: particles, auxiliary verbs)
 * @param minTokenLength  shortest token kept, in code points, at least 1
 * @param maxTokenLength  longest token kept, in code points, between {@code minTokenLength} and
 *                        {@value #MAX_TOKEN_LENGTH_LIMIT}; longer tokens are dropped whole, never split
 * @param stem            Porter-stem tokens; English only
 * @param extraStopWords  words removed in addition to the built-in list, matched ignoring case; removed
 *                        even when {@code removeStopWords} is off
 * @param pretokenized    the text is already segmented: split on whitespace instead of running the
 *                        language's tokenizer (for corpora such as the benchmark's preprocessed texts,
 *                        whose Chinese segmentation SmartCN would redo differently); the filters above
 *                        still apply. Optional in JSON, default false.
 */
public record AnalyzerSettings(
        @JsonProperty(required = true) boolean lowercase,
        @JsonProperty(required = true) boolean removeStopWords,
        @JsonProperty(required = true) int minTokenLength,
        @JsonProperty(required = true) int maxTokenLength,
        @JsonProperty(required = true) boolean stem,
        Set<String> extraStopWords,
        boolean pretokenized) {

    /**
     * Default longest token. Dictionary words stay well below it (long English words such as
     * "internationalization" have 20 letters, Chinese and Japanese words rarely exceed 10 characters);
     * longer tokens are nearly always URLs, hashes, base64 or text without spaces, which no vocabulary
     * holds and which would only inflate the out-of-vocabulary count.
     */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 40;

    /**
     * Largest allowed {@code maxTokenLength}. Tokenizers cut very long tokens into pieces (255 UTF-16
     * units for StandardTokenizer, 1024 for Kuromoji and SmartCN). Keeping the limit below half the
     * smallest piece, even for characters outside the BMP, makes every piece of a cut token
     * over-long, which is how the analyzers recognise and drop all of it.
     */
    public static final int MAX_TOKEN_LENGTH_LIMIT = 100;

    /** Validates the values and takes a sorted, unmodifiable copy of the extra stop words. */
    public AnalyzerSettings {
        if (minTokenLength < 1) {
            throw new IllegalArgumentException("minTokenLength must be at least 1, got " + minTokenLength);
        }
        if (maxTokenLength < minTokenLength) {
            throw new IllegalArgumentException("maxTokenLength (" + maxTokenLength
                    + ") must be at least minTokenLength (" + minTokenLength + ")");
        }
        if (maxTokenLength > MAX_TOKEN_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxTokenLength must be at most " + MAX_TOKEN_LENGTH_LIMIT
                    + ", got " + maxTokenLength);
        }
        extraStopWords = sortedCopy(extraStopWords);
    }

    /**
     * The recommended settings for a language: lower-casing and stop-word removal on, no stemming,
     * at most {@value #DEFAULT_MAX_TOKEN_LENGTH} code points, and at least 2 for English (single letters
     * are noise there) but 1 for Chinese and Japanese, where one-character words carry meaning.
     *
     * @throws UnsupportedLanguageException for a language {@link LanguageAnalyzers} does not support
     */
    public static AnalyzerSettings defaultsFor(String lang) {
        int minLength = switch (LanguageAnalyzers.canonicalLanguage(lang)) {
            case "en" -> 2;
            default -> 1;
        };
        return new AnalyzerSettings(true, true, minLength, DEFAULT_MAX_TOKEN_LENGTH, false, Set.of(), false);
    }

    public AnalyzerSettings withLowercase(boolean on) {
        return new AnalyzerSettings(on, removeStopWords, minTokenLength, maxTokenLength, stem, extraStopWords, pretokenized);
    }

    public AnalyzerSettings withRemoveStopWords(boolean on) {
        return new AnalyzerSettings(lowercase, on, minTokenLength, maxTokenLength, stem, extraStopWords, pretokenized);
    }

    public AnalyzerSettings withTokenLengths(int min, int max) {
        return new AnalyzerSettings(lowercase, removeStopWords, min, max, stem, extraStopWords, pretokenized);
    }

    public AnalyzerSettings withStem(boolean on) {
        return new AnalyzerSettings(lowercase, removeStopWords, minTokenLength, maxTokenLength, on, extraStopWords,
                pretokenized);
    }

    public AnalyzerSettings withExtraStopWords(Set<String> words) {
        return new AnalyzerSettings(lowercase, removeStopWords, minTokenLength, maxTokenLength, stem, words, pretokenized);
    }

    public AnalyzerSettings withPretokenized(boolean on) {
        return new AnalyzerSettings(lowercase, removeStopWords, minTokenLength, maxTokenLength, stem, extraStopWords,
                on);
    }

    // Sorted so that the manifest JSON, and therefore its checksum, does not depend on set iteration order.
    private static SortedSet<String> sortedCopy(Set<String> words) {
        TreeSet<String> sorted = new TreeSet<>();
        if (words != null) {
            for (String word : words) {
                if (word == null || word.isBlank()) {
                    throw new IllegalArgumentException("extraStopWords must not contain null or blank words");
                }
                sorted.add(word);
            }
        }
        return Collections.unmodifiableSortedSet(sorted);
    }
}
