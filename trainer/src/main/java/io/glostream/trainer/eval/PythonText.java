package io.glostream.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text handling as the official CNPMI script sees it: scikit-learn's {@code CountVectorizer} lower-cases
 * each document, then the script splits it with Python's {@code str.split()}.
 */
final class PythonText {

    private PythonText() {
    }

    /** The tokens of {@code document} after lower-casing and splitting on Python's whitespace. */
    static List<String> lowerCasedTokens(String document) {
        return split(document.toLowerCase(Locale.ROOT));
    }

    /** Python's {@code str.split()} with no argument: runs of whitespace separate, no empty tokens. */
    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isPythonWhitespace(text.charAt(i))) {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /**
     * Python's {@code str.isspace()} for one character: the controls TAB to CR, FS to US and NEL, plus the
     * Unicode space, line and paragraph separators (no-break spaces included, unlike Java's
     * {@link Character#isWhitespace}). No supplementary character is whitespace.
     */
    static boolean isPythonWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
