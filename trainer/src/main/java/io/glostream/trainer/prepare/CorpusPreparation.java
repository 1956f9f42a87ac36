package io.glostream.trainer.prepare;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.progress.ProgressBar;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.core.vocab.VocabularyBuilder;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.WordVectors;
import io.glostream.trainer.neighbours.AlignedVectorNeighbours;
import io.glostream.trainer.neighbours.BuiltNeighbours;
import io.glostream.trainer.neighbours.DictionaryLedNeighbours;
import io.glostream.trainer.neighbours.NoNeighbours;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw bilingual corpora into GloCTM's inputs through {@code core}: analyse every document, build
 * each language's vocabulary, build the neighbour tables, then featurise every document with the same
 * {@link Featurizer} that serving will use.
 */
public final class CorpusPreparation {

    private final VocabularyOptions vocabularyOptions;
    private final int neighbourK;
    private final int threads;
    private final boolean alignedVectors;

    /** Neighbours led by the bilingual dictionary over monolingual vectors (the offline default). */
    public CorpusPreparation(VocabularyOptions vocabularyOptions, int neighbourK, int threads) {
        this(vocabularyOptions, neighbourK, threads, false);
    }

    /**
     * @param alignedVectors the word vectors of both languages already share one space: neighbours by plain
     *     cosine, the dictionary (optional then) only reported on
     */
    public CorpusPreparation(VocabularyOptions vocabularyOptions, int neighbourK, int threads, boolean alignedVectors) {
        this.vocabularyOptions = vocabularyOptions;
        this.neighbourK = neighbourK;
        this.threads = threads;
        this.alignedVectors = alignedVectors;
    }

    /**
     * Prepares a corpus against given vocabularies (a benchmark's, or a previous model's), or builds them
     * from the documents when {@code vocabularies} is null. {@code dictionary} may be null only with aligned vectors.
     */
    public PreparedCorpus prepare(List<TextAnalyzer> analyzers, List<List<RawDocument>> corpora,
                                  List<Vocabulary> vocabularies, List<WordVectors> vectors,
                                  BilingualDictionary dictionary) {
        List<List<List<String>>> tokens = new ArrayList<>();
        List<Vocabulary> vocabs = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            List<List<String>> analysed = analyse(analyzers.get(l), corpora.get(l));
            tokens.add(analysed);
            vocabs.add(vocabularies != null ? vocabularies.get(l) : buildVocabulary(analyzers.get(l).language(), analysed));
        }
        DictionaryLedNeighbours.Side side1 =
                new DictionaryLedNeighbours.Side(analyzers.get(0).language(), vocabs.get(0), vectors.get(0));
        DictionaryLedNeighbours.Side side2 =
                new DictionaryLedNeighbours.Side(analyzers.get(1).language(), vocabs.get(1), vectors.get(1));
        if (!alignedVectors && dictionary == null && neighbourK > 0) {
            throw new IllegalArgumentException("dictionary-led neighbours need a bilingual dictionary (--dict)");
        }
        BuiltNeighbours neighbours = neighbourK == 0 ? NoNeighbours.build(side1, side2)
                : alignedVectors
                ? new AlignedVectorNeighbours(neighbourK, threads).build(side1, side2, dictionary)
                : new DictionaryLedNeighbours(neighbourK, threads).build(side1, side2, dictionary);
        Featurizer featurizer = new Featurizer(analyzers, vocabs, neighbours.table());
        List<List<Features>> features = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            features.add(featurizeTokens(featurizer, l, tokens.get(l)));
            checkNotAllEmpty(featurizer.languages().get(l), features.get(l), vocabs.get(l).size());
        }
        return new PreparedCorpus(featurizer, neighbours.table(), neighbours.report(), List.copyOf(corpora),
                List.copyOf(features));
    }

    /** A language none of whose documents has a vocabulary word would train on nothing: wrong texts or options. */
    private static void checkNotAllEmpty(String lang, List<Features> features, int vocabularySize) {
        if (features.stream().allMatch(f -> f.bow().counts().nnz() == 0)) {
            throw new IllegalArgumentException(lang + ": none of the " + features.size()
                    + " training documents has a word of the " + vocabularySize
                    + "-word vocabulary (check the texts' language, --langs and --pretokenized)");
        }
    }

    /** Featurises further documents (a test split) with a prepared corpus's featurizer. */
    public static List<Features> featurize(Featurizer featurizer, int language, List<RawDocument> docs) {
        return featurizeTokens(featurizer, language, analyse(featurizer.analyzer(language), docs));
    }

    private static List<Features> featurizeTokens(Featurizer featurizer, int l, List<List<String>> tokens) {
        List<Features> perDoc = new ArrayList<>(tokens.size());
        try (ProgressBar bar = ProgressBar.start("featurise " + featurizer.languages().get(l), tokens.size(), "docs")) {
            for (List<String> docTokens : tokens) {
                perDoc.add(featurizer.featurizeTokens(l, docTokens));
                bar.step(1);
            }
        }
        return List.copyOf(perDoc);
    }

    private static List<List<String>> analyse(TextAnalyzer analyzer, List<RawDocument> docs) {
        List<List<String>> out = new ArrayList<>(docs.size());
        try (ProgressBar bar = ProgressBar.start("analyse " + analyzer.language(), docs.size(), "docs")) {
            for (RawDocument doc : docs) {
                out.add(analyzer.analyze(doc.text()));
                bar.step(1);
            }
        }
        return out;
    }

    private Vocabulary buildVocabulary(String lang, List<List<String>> docs) {
        VocabularyBuilder builder = new VocabularyBuilder()
                .minDocFreq(vocabularyOptions.minDocFreq())
                .maxDocFreqRatio(vocabularyOptions.maxDocFreqRatio())
                .maxSize(vocabularyOptions.maxSize());
        docs.forEach(builder::addDocument);
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(lang + " vocabulary: " + e.getMessage(), e);
        }
    }
}
