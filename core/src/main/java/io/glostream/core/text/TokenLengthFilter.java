package io.glostream.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Keeps tokens whose length in code points lies in {@code [min, max]} and drops over-long tokens whole.
 *
 * <p>Tokenizers cut a very long run of letters into pieces (StandardTokenizer every 255 chars, Kuromoji
 * and SmartCN every 1024), and the last piece can be short enough to pass a plain length filter,
 * inventing a word. A piece that starts exactly where an over-long token ended, with letters or digits
 * of the same script meeting at the cut, is the rest of that token and is dropped too.
 * {@link AnalyzerSettings#MAX_TOKEN_LENGTH_LIMIT} guarantees that the first piece is always over-long.
 */
final class TokenLengthFilter extends FilteringTokenFilter {

    private static final int NONE = -1;

    private final int min;
    private final int max;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    private int overlongEndOffset = NONE;
    private int overlongLastCodePoint;

    TokenLengthFilter(TokenStream input, int min, int max) {
        super(input);
        this.min = min;
        this.max = max;
    }

    @Override
    protected boolean accept() {
        char[] buffer = term.buffer();
        int length = term.length();
        if (length == 0) {
            return false;
        }
        int codePoints = Character.codePointCount(buffer, 0, length);
        if (codePoints > max || continuesOverlongToken(Character.codePointAt(buffer, 0, length))) {
            overlongEndOffset = offset.endOffset();
            overlongLastCodePoint = Character.codePointBefore(buffer, length, 0);
            return false;
        }
        overlongEndOffset = NONE;
        return codePoints >= min;
    }

    private boolean continuesOverlongToken(int firstCodePoint) {
        return overlongEndOffset != NONE
                && offset.startOffset() == overlongEndOffset
                && Character.isLetterOrDigit(firstCodePoint)
                && Character.isLetterOrDigit(overlongLastCodePoint)
                && Character.UnicodeScript.of(firstCodePoint) == Character.UnicodeScript.of(overlongLastCodePoint);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        overlongEndOffset = NONE;
    }
}
