package io.glostream.bench.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pre-segmented text turned back into text as it would arrive raw, and where each of its words lies in
 * that text. Chinese is written without spaces, so the space between two words goes wherever a Han
 * character touches it; between two other characters (Latin words, numbers) raw text has a space too,
 * and one is kept.
 *
 * @param text         the words joined as described
 * @param words        the words of the segmented text in order, each with its span in {@code text}
 * @param removedSpaces how many word boundaries lost their space: 0 for text that was not segmented
 */
public record DespacedText(String text, List<Word> words, int removedSpaces) {

    /**
     * One word of the segmented text.
     *
     * @param word  the word as written
     * @param start offset of its first char in the de-spaced text
     * @param end   offset just after its last char
     */
    public record Word(String word, int start, int end) {
    }

    public DespacedText {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }

    /**
     * Splits {@code segmented} on whitespace (as Lucene's whitespace tokenizer does, which reads the
     * segmentation during training) and joins the words back.
     */
    public static DespacedText of(String segmented) {
        Objects.requireNonNull(segmented, "segmented");
        StringBuilder text = new StringBuilder(segmented.length());
        List<Word> words = new ArrayList<>();
        int removed = 0;
        for (String word : whitespaceSeparated(segmented)) {
            if (!words.isEmpty()) {
                if (isHan(text.codePointBefore(text.length())) || isHan(word.codePointAt(0))) {
                    removed++;
                } else {
                    text.append(' ');
                }
            }
            int start = text.length();
            text.append(word);
            words.add(new Word(word, start, text.length()));
        }
        return new DespacedText(text.toString(), words, removed);
    }

    /** True when the text had at least one space between words that raw Chinese would not have. */
    public boolean wasSegmented() {
        return removedSpaces > 0;
    }

    private static List<String> whitespaceSeparated(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isWhitespace(codePoint)) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
