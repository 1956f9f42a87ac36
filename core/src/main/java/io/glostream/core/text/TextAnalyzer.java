package io.glostream.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns the text of one language into the tokens that vocabulary and bag-of-words see. Immutable and
 * thread-safe: the wrapped Lucene analyzer keeps one token stream per thread and reuses it. Obtain one
 * from {@link LanguageAnalyzers}; close it to release the per-thread streams.
 */
public final class TextAnalyzer implements AutoCloseable {

    private static final String FIELD = "text";
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final String language;
    private final AnalyzerSettings settings;
    private final Analyzer analyzer;

    TextAnalyzer(String language, AnalyzerSettings settings, Analyzer analyzer) {
        this.language = Objects.requireNonNull(language, "language");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The canonical ISO 639-1 code of the language this analyzer handles ({@code zh} for {@code cn}). */
    public String language() {
        return language;
    }

    public AnalyzerSettings settings() {
        return settings;
    }

    /**
     * The tokens of {@code text} in text order, as an unmodifiable list. Null or blank text gives an
     * empty list. Any string is accepted: unpaired surrogates are read as U+FFFD, and control
     * characters, punctuation and emoji never become tokens.
     *
     * @throws org.apache.lucene.store.AlreadyClosedException after {@link #close()}
     */
    public List<String> analyze(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, withoutUnpairedSurrogates(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text failed", e);
        }
        return Collections.unmodifiableList(tokens);
    }

    /** Releases the per-thread token streams; {@link #analyze} fails afterwards. */
    @Override
    public void close() {
        analyzer.close();
    }

    @Override
    public String toString() {
        return "TextAnalyzer[" + language + ", " + settings + "]";
    }

    // Tokenizers pass lone surrogates through into terms, which no UTF-8 file or Avro string can hold.
    private static String withoutUnpairedSurrogates(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = REPLACEMENT_CHARACTER;
            }
        }
        return chars == null ? text : new String(chars);
    }
}
