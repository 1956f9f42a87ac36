package io.glostream.core.features;

import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.text.UnsupportedLanguageException;
import io.glostream.core.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one featurisation path of glostream, shared by training and serving: analyse the text with the
 * language's analyzer, count it against the language's vocabulary ({@code x}, with OOV tokens counted),
 * and augment it with the neighbour table into the global input {@code g} (paper eq. 1-2).
 *
 * <p>A model trained on pre-segmented text ({@link io.glostream.core.text.AnalyzerSettings#pretokenized()})
 * still meets raw text when it serves: Chinese without spaces, words with punctuation attached. For such a
 * model {@link #featurize} keeps every whitespace-separated chunk the vocabulary knows exactly as training
 * saw it, and re-segments the others with the language's own tokenizer (SmartCN, Kuromoji, Lucene's
 * standard tokenizer), so {@code 中国股市下跌} counts as {@code 中国 股市 下跌} instead of one unknown token.
 * Pre-segmented input is featurised exactly as in training.
 *
 * <p>Immutable and thread-safe: stream threads share one instance per model. {@link #close} releases the
 * analyzers.
 */
public final class Featurizer implements AutoCloseable {

    private final List<String> languages;
    private final List<TextAnalyzer> analyzers;
    /** Per language, the raw-text analyzer that re-segments unknown chunks; null when the analyzer is not pretokenized. */
    private final List<TextAnalyzer> resegmenters;
    private final List<Vocabulary> vocabularies;
    private final PolyglotAugmenter augmenter;

    /**
     * @param analyzers    one per language, in layout order
     * @param vocabularies one per language, in layout order; sizes must match the neighbour table
     * @param neighbours   the model's neighbour table, whose language order is the layout
     */
    public Featurizer(List<TextAnalyzer> analyzers, List<Vocabulary> vocabularies, NeighbourTable neighbours) {
        if (analyzers.size() != 2 || vocabularies.size() != 2) {
            throw new IllegalArgumentException("a GloCTM featurizer needs exactly two languages, got "
                    + analyzers.size() + " analyzers and " + vocabularies.size() + " vocabularies");
        }
        List<String> tableLanguages = neighbours.languages();
        for (int l = 0; l < 2; l++) {
            if (!analyzers.get(l).language().equals(tableLanguages.get(l))) {
                throw new IllegalArgumentException("analyzer " + l + " is for " + analyzers.get(l).language()
                        + " but the neighbour table's language " + l + " is " + tableLanguages.get(l));
            }
            if (vocabularies.get(l).size() != neighbours.vocabularySize(l)) {
                throw new IllegalArgumentException(tableLanguages.get(l) + " vocabulary has "
                        + vocabularies.get(l).size() + " words but the neighbour table has "
                        + neighbours.vocabularySize(l));
            }
        }
        this.languages = List.copyOf(tableLanguages);
        this.analyzers = List.copyOf(analyzers);
        List<TextAnalyzer> raw = new ArrayList<>();
        for (TextAnalyzer analyzer : analyzers) {
            raw.add(analyzer.settings().pretokenized()
                    ? LanguageAnalyzers.create(analyzer.language(), analyzer.settings().withPretokenized(false)) : null);
        }
        this.resegmenters = Collections.unmodifiableList(raw);
        this.vocabularies = List.copyOf(vocabularies);
        this.augmenter = new PolyglotAugmenter(neighbours);
    }

    /** The model's languages in layout order. */
    public List<String> languages() {
        return languages;
    }

    public Vocabulary vocabulary(int languageIndex) {
        return vocabularies.get(languageIndex);
    }

    public TextAnalyzer analyzer(int languageIndex) {
        return analyzers.get(languageIndex);
    }

    /** Dimension of the global input g: the joint vocabulary. */
    public int globalDimension() {
        return augmenter.dimension();
    }

    /**
     * Position of {@code lang} (any accepted spelling, e.g. {@code cn} for {@code zh}) in the layout.
     *
     * @throws UnsupportedLanguageException when the model does not know the language
     */
    public int languageIndex(String lang) {
        int index = -1;
        try {
            index = languages.indexOf(LanguageAnalyzers.canonicalLanguage(lang));
        } catch (UnsupportedLanguageException unknownEverywhere) {
            // reported below against the model's own languages
        }
        if (index < 0) {
            throw new UnsupportedLanguageException(lang, new LinkedHashSet<>(languages), Map.of());
        }
        return index;
    }

    /** Analyses and featurises one document. */
    public Features featurize(String lang, String text) {
        int l = languageIndex(lang);
        return featurizeTokens(l, tokens(l, text));
    }

    /**
     * The tokens {@link #featurize} counts for a text: the analyzer's, except that for a pretokenized
     * analyzer each whitespace-separated chunk that does not analyse to one vocabulary word (and was not
     * dropped as a stop word or too short) is re-segmented by the language's raw-text analyzer.
     */
    public List<String> tokens(int languageIndex, String text) {
        TextAnalyzer analyzer = analyzers.get(languageIndex);
        TextAnalyzer resegmenter = resegmenters.get(languageIndex);
        if (resegmenter == null || text == null) {
            return analyzer.analyze(text);
        }
        Vocabulary vocabulary = vocabularies.get(languageIndex);
        int maxLength = analyzer.settings().maxTokenLength();
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean space = Character.isWhitespace(cp);
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                String chunk = text.substring(start, i);
                List<String> analysed = analyzer.analyze(chunk);
                if (analysed.size() == 1 && vocabulary.contains(analysed.get(0))) {
                    tokens.add(analysed.get(0));
                } else if (!analysed.isEmpty() || chunk.codePointCount(0, chunk.length()) > maxLength) {
                    tokens.addAll(resegmenter.analyze(chunk));
                }
                start = -1;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return Collections.unmodifiableList(tokens);
    }

    /** Featurises tokens that were already analysed with this model's analyzer for the language. */
    public Features featurizeTokens(int languageIndex, List<String> tokens) {
        BagOfWords bow = BagOfWords.of(tokens, vocabularies.get(languageIndex));
        return new Features(languages.get(languageIndex), languageIndex, bow,
                augmenter.augment(languageIndex, bow.counts()));
    }

    /** Closes the analyzers (the given ones and the re-segmenting ones). */
    @Override
    public void close() {
        for (int l = 0; l < analyzers.size(); l++) {
            analyzers.get(l).close();
            if (resegmenters.get(l) != null) {
                resegmenters.get(l).close();
            }
        }
    }
}
