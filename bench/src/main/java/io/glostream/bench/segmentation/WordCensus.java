package io.glostream.bench.segmentation;

import io.glostream.core.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Counts, for every vocabulary word of the segmented texts, what serving's tokenizer made of the stretch
 * of text the word covers: the same word, smaller pieces, part of a longer word, pieces whose boundaries
 * cross the word's, or nothing (filtered). Serving tokens are located by searching each in turn in the
 * lower-cased de-spaced text; a document where one cannot be found (a tokenizer that rewrites characters,
 * such as full-width digits) is counted as unaligned and left out. Not thread-safe.
 */
public final class WordCensus {

    /** What serving made of a training word's span. */
    public enum Outcome {
        /** one serving token with exactly the word's span */
        SAME,
        /** serving tokens all inside the span, not one covering it */
        SPLIT,
        /** one serving token covering the span and more */
        MERGED,
        /** serving tokens that start or end inside the span and reach beyond it */
        CROSSED,
        /** no serving token overlaps the span */
        DROPPED
    }

    /** Word lengths, in characters, that the census tells apart; the last one counts all longer words too. */
    public static final int LONGEST_LENGTH_BUCKET = 4;

    /**
     * Characters of numbers written in Chinese: the benchmark texts spell digits this way ("二零零八年"),
     * so numbers are a kind of word of their own.
     */
    public static final String NUMERAL_CHARACTERS = "〇零一二三四五六七八九十百千万亿两";

    private static final Comparator<Map.Entry<String, Long>> MOST_FREQUENT_FIRST =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final Vocabulary vocabulary;
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final long[] wordsByLength = new long[LONGEST_LENGTH_BUCKET + 1];
    private final long[] sameByLength = new long[LONGEST_LENGTH_BUCKET + 1];
    private long numerals;
    private long sameNumerals;
    private final Map<String, WordTally> tallies = new HashMap<>();
    private int alignedDocuments;
    private int unalignedDocuments;

    /** A census of the words of {@code vocabulary}; other words of the texts are not counted. */
    public WordCensus(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
    }

    /**
     * Counts the vocabulary words of one document.
     *
     * @param text          the document, de-spaced, with its training words' spans
     * @param servingTokens serving's tokens of {@code text.text()}, in order
     * @return false when the serving tokens could not be located and the document was left out
     */
    public boolean add(DespacedText text, List<String> servingTokens) {
        int[][] spans = locate(text.text(), servingTokens);
        if (spans == null) {
            unalignedDocuments++;
            return false;
        }
        alignedDocuments++;
        int next = 0;
        for (DespacedText.Word word : text.words()) {
            if (!vocabulary.contains(word.word())) {
                continue;
            }
            while (next < spans.length && spans[next][1] <= word.start()) {
                next++;
            }
            int last = next;
            while (last < spans.length && spans[last][0] < word.end()) {
                last++;
            }
            Outcome outcome = outcome(word, spans, next, last);
            outcomes.merge(outcome, 1L, Long::sum);
            int bucket = Math.min(word.word().codePointCount(0, word.word().length()), LONGEST_LENGTH_BUCKET);
            wordsByLength[bucket]++;
            boolean numeral = isNumeral(word.word());
            if (numeral) {
                numerals++;
            }
            if (outcome == Outcome.SAME) {
                sameByLength[bucket]++;
                if (numeral) {
                    sameNumerals++;
                }
            }
            tallies.computeIfAbsent(word.word(), w -> new WordTally()).add(outcome,
                    String.join(" ", servingTokens.subList(next, last)));
        }
        return true;
    }

    /** The counts so far, with the {@code topWords} most frequent words of each outcome other than SAME. */
    public Report report(int topWords) {
        if (topWords < 0) {
            throw new IllegalArgumentException("topWords must be >= 0, got " + topWords);
        }
        List<GroupRow> byLength = new ArrayList<>();
        for (int length = 1; length <= LONGEST_LENGTH_BUCKET; length++) {
            byLength.add(GroupRow.of(length == LONGEST_LENGTH_BUCKET ? length + "+" : Integer.toString(length),
                    wordsByLength[length], sameByLength[length]));
        }
        Map<Outcome, List<WordRow>> top = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.SAME) {
                top.put(outcome, topWords(outcome, topWords));
            }
        }
        long words = outcomes.values().stream().mapToLong(Long::longValue).sum();
        return new Report(alignedDocuments, unalignedDocuments, words, new EnumMap<>(outcomes), byLength,
                GroupRow.of("numerals", numerals, sameNumerals), top);
    }

    /**
     * The census.
     *
     * @param alignedDocuments   documents counted
     * @param unalignedDocuments documents left out because serving's tokens could not be located
     * @param words              vocabulary word occurrences counted
     * @param outcomes           occurrences per outcome
     * @param byLength           occurrences and SAME outcomes per word length in characters
     * @param numerals           occurrences and SAME outcomes of words made only of {@link #NUMERAL_CHARACTERS}
     * @param topWords           per outcome other than SAME, the words it happened to most often
     */
    public record Report(int alignedDocuments, int unalignedDocuments, long words, Map<Outcome, Long> outcomes,
                         List<GroupRow> byLength, GroupRow numerals, Map<Outcome, List<WordRow>> topWords) {
    }

    /** Occurrences of a group of words, and how many of them serving produced unchanged (0 share when none). */
    public record GroupRow(String group, long words, long same, double sameShare) {

        static GroupRow of(String group, long words, long same) {
            return new GroupRow(group, words, same, words == 0 ? 0 : (double) same / words);
        }
    }

    /**
     * A word and how often an outcome happened to it.
     *
     * @param word          the training word
     * @param count         occurrences with this outcome
     * @param occurrences   all its occurrences
     * @param rendering     serving's most frequent tokens over the word's span with this outcome
     * @param renderingCount how often that rendering occurred
     */
    public record WordRow(String word, long count, long occurrences, String rendering, long renderingCount) {
    }

    private List<WordRow> topWords(Outcome outcome, int limit) {
        List<WordRow> rows = new ArrayList<>();
        for (Map.Entry<String, WordTally> entry : tallies.entrySet()) {
            WordTally tally = entry.getValue();
            long count = tally.counts.getOrDefault(outcome, 0L);
            if (count > 0) {
                Map.Entry<String, Long> rendering = tally.renderings.get(outcome).entrySet().stream()
                        .min(MOST_FREQUENT_FIRST)
                        .orElseThrow();
                rows.add(new WordRow(entry.getKey(), count, tally.total(), rendering.getKey(), rendering.getValue()));
            }
        }
        rows.sort(Comparator.comparingLong(WordRow::count).reversed().thenComparing(WordRow::word));
        return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
    }

    private static boolean isNumeral(String word) {
        return word.codePoints().allMatch(c -> NUMERAL_CHARACTERS.indexOf(c) >= 0);
    }

    private static Outcome outcome(DespacedText.Word word, int[][] spans, int first, int end) {
        if (first == end) {
            return Outcome.DROPPED;
        }
        if (end - first == 1) {
            int start = spans[first][0];
            int stop = spans[first][1];
            if (start == word.start() && stop == word.end()) {
                return Outcome.SAME;
            }
            if (start <= word.start() && stop >= word.end()) {
                return Outcome.MERGED;
            }
        }
        return spans[first][0] >= word.start() && spans[end - 1][1] <= word.end() ? Outcome.SPLIT : Outcome.CROSSED;
    }

    // Spans [start, end) of the tokens in the text, or null when one is not found where it should be.
    private static int[][] locate(String text, List<String> tokens) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return null;
        }
        int[][] spans = new int[tokens.size()][];
        int from = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int at = lower.indexOf(tokens.get(t), from);
            if (at < 0) {
                return null;
            }
            from = at + tokens.get(t).length();
            spans[t] = new int[] {at, from};
        }
        return spans;
    }

    private static final class WordTally {
        private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        private final Map<Outcome, Map<String, Long>> renderings = new EnumMap<>(Outcome.class);

        void add(Outcome outcome, String rendering) {
            counts.merge(outcome, 1L, Long::sum);
            renderings.computeIfAbsent(outcome, o -> new HashMap<>()).merge(rendering, 1L, Long::sum);
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
