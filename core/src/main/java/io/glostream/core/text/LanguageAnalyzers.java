package io.glostream.core.text;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Where text is tokenised: one Lucene chain per supported language, configured by
 * {@link AnalyzerSettings}. Every chain ends by dropping tokens made only of punctuation or symbols
 * and tokens outside the length bounds; numbers are kept.
 *
 * <ul>
 *   <li>{@code en}: UAX#29 words, possessive {@code 's} removed, lower case, Lucene's English stop
 *       words, optional Porter stemming (the zh–en dictionary's English side is Porter-stemmed).
 *   <li>{@code zh}: SmartCN word segmentation (it lower-cases Latin words itself), SmartCN's
 *       punctuation stop set.
 *   <li>{@code ja}: Kuromoji in search mode without user dictionary, compounds discarded so that each
 *       stretch of text counts once; base forms, part-of-speech stop tags, full/half-width folding,
 *       Japanese stop words, katakana long-vowel stemming, lower case.
 * </ul>
 */
public final class LanguageAnalyzers {

    private static final Set<String> SUPPORTED = Collections.unmodifiableSet(new TreeSet<>(Set.of("en", "ja", "zh")));
    private static final Map<String, String> ALIASES = Map.of("cn", "zh");

    private LanguageAnalyzers() {
    }

    /** The canonical codes of the supported languages, sorted. */
    public static Set<String> supportedLanguages() {
        return SUPPORTED;
    }

    /**
     * The canonical ISO 639-1 code for {@code lang}: lower-cased, with {@code cn} mapped to {@code zh}.
     *
     * @throws UnsupportedLanguageException when no analyzer exists for it
     */
    public static String canonicalLanguage(String lang) {
        String code = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
        code = ALIASES.getOrDefault(code, code);
        if (!SUPPORTED.contains(code)) {
            throw new UnsupportedLanguageException(lang, SUPPORTED, ALIASES);
        }
        return code;
    }

    /** An analyzer for {@code lang} with {@link AnalyzerSettings#defaultsFor its default settings}. */
    public static TextAnalyzer create(String lang) {
        return create(lang, AnalyzerSettings.defaultsFor(lang));
    }

    /**
     * An analyzer for {@code lang} with the given settings.
     *
     * @throws UnsupportedLanguageException when no analyzer exists for {@code lang}
     * @throws IllegalArgumentException when stemming is asked for a language other than English
     */
    public static TextAnalyzer create(String lang, AnalyzerSettings settings) {
        String code = canonicalLanguage(lang);
        if (settings.stem() && !code.equals("en")) {
            throw new IllegalArgumentException("stemming is only available for en, not " + code);
        }
        Analyzer analyzer = settings.pretokenized() ? chain(settings, s -> pretokenized(code, s)) : switch (code) {
            case "en" -> chain(settings, LanguageAnalyzers::english);
            case "zh" -> chain(settings, LanguageAnalyzers::chinese);
            case "ja" -> chain(settings, LanguageAnalyzers::japanese);
            default -> throw new IllegalStateException("supported language without a chain: " + code);
        };
        return new TextAnalyzer(code, settings, analyzer);
    }

    private static Analyzer.TokenStreamComponents english(AnalyzerSettings settings) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = lowerCased(stream, settings);
        stream = withoutStopWords(stream, settings, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = wordsOfAllowedLength(stream, settings);
        if (settings.stem()) {
            stream = new PorterStemFilter(stream);
        }
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    private static Analyzer.TokenStreamComponents chinese(AnalyzerSettings settings) {
        Tokenizer tokenizer = new SafeCutHmmChineseTokenizer();
        TokenStream stream = lowerCased(tokenizer, settings);
        stream = withoutStopWords(stream, settings, SmartChineseAnalyzer.getDefaultStopSet());
        stream = wordsOfAllowedLength(stream, settings);
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    private static Analyzer.TokenStreamComponents japanese(AnalyzerSettings settings) {
        Tokenizer tokenizer = new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
        TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
        if (settings.removeStopWords()) {
            stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
        }
        stream = new CJKWidthFilter(stream);
        stream = withoutStopWords(stream, settings, JapaneseAnalyzer.getDefaultStopSet());
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = lowerCased(stream, settings);
        stream = wordsOfAllowedLength(stream, settings);
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    /**
     * Whitespace splitting, then the same filters as the language's own chain (width folding for
     * Japanese, the language's stop words, stemming for English, lengths), so pre-segmented text is
     * normalised the way raw text would be.
     */
    private static Analyzer.TokenStreamComponents pretokenized(String lang, AnalyzerSettings settings) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        TokenStream stream = lang.equals("ja") ? new CJKWidthFilter(tokenizer) : tokenizer;
        stream = lowerCased(stream, settings);
        stream = withoutStopWords(stream, settings, switch (lang) {
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "zh" -> SmartChineseAnalyzer.getDefaultStopSet();
            default -> JapaneseAnalyzer.getDefaultStopSet();
        });
        stream = wordsOfAllowedLength(stream, settings);
        if (settings.stem()) {
            stream = new PorterStemFilter(stream);
        }
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    private static TokenStream lowerCased(TokenStream stream, AnalyzerSettings settings) {
        return settings.lowercase() ? new LowerCaseFilter(stream) : stream;
    }

    private static TokenStream withoutStopWords(TokenStream stream, AnalyzerSettings settings, CharArraySet builtIn) {
        CharArraySet stopWords = new CharArraySet(settings.extraStopWords(), true);
        if (settings.removeStopWords()) {
            stopWords.addAll(builtIn);
        }
        return stopWords.isEmpty() ? stream : new StopFilter(stream, CharArraySet.unmodifiableSet(stopWords));
    }

    private static TokenStream wordsOfAllowedLength(TokenStream stream, AnalyzerSettings settings) {
        return new TokenLengthFilter(new SymbolOnlyTokenFilter(stream), settings.minTokenLength(), settings.maxTokenLength());
    }

    private static Analyzer chain(AnalyzerSettings settings, ChainFactory factory) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return factory.components(settings);
            }
        };
    }

    @FunctionalInterface
    private interface ChainFactory {
        Analyzer.TokenStreamComponents components(AnalyzerSettings settings);
    }
}
