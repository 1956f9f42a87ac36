package io.glostream.core.text;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes tokens without a single letter or number: punctuation, symbols, emoji, control characters.
 * Tokenizers disagree on these (StandardTokenizer emits emoji, SmartCN turns punctuation into ","),
 * and none of them is a word. Numbers of every kind (digits, Roman numerals, circled digits) are kept.
 */
final class SymbolOnlyTokenFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SymbolOnlyTokenFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; ) {
            int codePoint = Character.codePointAt(buffer, i, length);
            if (isLetterOrNumber(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isLetterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
