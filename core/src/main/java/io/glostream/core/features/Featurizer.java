package io.glostream.core.features;

import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.text.UnsupportedLanguageException;
import io.glostream.core.vocab.Vocabulary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one featurisation path of glostream, shared by training and serving: analyse the text with the
 * language's analyzer, count it against the language's vocabulary ({@code x}, with OOV tokens counted),
 * and augment it with the neighbour table into the global input {@code g} (paper eq. 1-2).
 *
 * <p>Immutable and thread-safe: stream threads share one instance per model.
 */
public final class Featurizer {

    private final List<String> languages;
    private final List<TextAnalyzer> analyzers;
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
        return featurizeTokens(l, analyzers.get(l).analyze(text));
    }

    /** Featurises tokens that were already analysed with this model's analyzer for the language. */
    public Features featurizeTokens(int languageIndex, List<String> tokens) {
        BagOfWords bow = BagOfWords.of(tokens, vocabularies.get(languageIndex));
        return new Features(languages.get(languageIndex), languageIndex, bow,
                augmenter.augment(languageIndex, bow.counts()));
    }
}
