package io.glostream.core.text;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;

/**
 * SmartCN's tokenizer, reading long text without cutting words in half. The base class reads 1024
 * chars at a time and, unless a line break lies in them, cuts the buffer wherever it ends, which
 * splits the word there into two invented words (about one per 1024 chars of single-line text).
 * Whitespace and punctuation are also safe places to cut: SmartCN never lets a word span them.
 */
final class SafeCutHmmChineseTokenizer extends HMMChineseTokenizer {

    @Override
    protected boolean isSafeEnd(char ch) {
        if (super.isSafeEnd(ch) || Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
            return true;
        }
        return switch (Character.getType(ch)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
