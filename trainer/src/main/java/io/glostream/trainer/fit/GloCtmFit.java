package io.glostream.trainer.fit;

import io.glostream.core.features.Features;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.progress.ProgressBar;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.DocumentVectorSource;
import io.glostream.trainer.embeddings.TfidfDocumentEmbeddings;
import io.glostream.trainer.model.EpochStats;
import io.glostream.trainer.model.GloCtmTrainer;
import io.glostream.trainer.model.LanguageCorpus;
import io.glostream.trainer.model.LossTerms;
import io.glostream.trainer.model.TrainingData;
import io.glostream.trainer.model.TrainingListener;
import io.glostream.trainer.prepare.CorpusPreparation;
import io.glostream.trainer.prepare.PreparedCorpus;
import io.glostream.trainer.prepare.VocabularyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Fits GloCTM on a bilingual corpus: featurise it through {@code core} (the same path serving uses), build the
 * CKA document embeddings, and train, checkpointing as it goes. The caller exports and evaluates the result.
 */
public final class GloCtmFit {

    /**
     * What a fit leaves behind: the trainer (owning the model), the prepared corpus and its test features, and
     * per language where the CKA document vectors came from ({@link DocumentVectorSource#provenance()}).
     */
    public record Result(GloCtmTrainer trainer, PreparedCorpus corpus, List<List<Features>> testFeatures,
                         List<EpochStats> epochs, Map<String, String> documentEmbeddings) implements AutoCloseable {
        @Override
        public void close() {
            trainer.close();
        }
    }

    private final FitOptions options;

    public GloCtmFit(FitOptions options) {
        this.options = options;
    }

    /**
     * Featurises the training documents: the analyzers, vocabularies and neighbour table made here are the
     * model's, so this is deterministic for the same data and options (export relies on that).
     */
    public static PreparedCorpus prepare(BilingualCorpus data, VocabularyOptions vocabulary, int neighbourK,
                                         int threads) {
        List<TextAnalyzer> analyzers = data.sides().stream()
                .map(s -> LanguageAnalyzers.create(s.lang(), s.analyzer())).toList();
        List<Vocabulary> fixed = data.hasFixedVocabularies()
                ? data.sides().stream().map(BilingualCorpus.Side::fixedVocabulary).toList() : null;
        return new CorpusPreparation(vocabulary, neighbourK, threads, data.alignedVectors())
                .prepare(analyzers, data.sides().stream().map(BilingualCorpus.Side::train).toList(), fixed,
                        data.sides().stream().map(BilingualCorpus.Side::vectors).toList(),
                        data.dictionary() == null ? null : BilingualDictionary.load(data.dictionary()));
    }

    public Result fit(BilingualCorpus data) {
        // vectors from files or an encoder first: a bad file should stop the run before the long preparation
        List<DocumentVectorSource> sources = new ArrayList<>();
        List<float[][]> given = new ArrayList<>();
        Map<String, String> provenance = new LinkedHashMap<>();
        for (BilingualCorpus.Side side : data.sides()) {
            DocumentVectorSource source = source(side.lang());
            sources.add(source);
            given.add(source instanceof DocumentVectorSource.FromDocuments external
                    ? external.embed(side.lang(), side.train(), options.threads()) : null);
            provenance.put(side.lang(), source.provenance());
        }
        PreparedCorpus corpus = prepare(data, options.vocabulary(), options.neighbourK(), options.threads());
        List<List<Features>> test = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            List<RawDocument> docs = data.sides().get(l).test();
            test.add(docs.isEmpty() ? List.of() : CorpusPreparation.featurize(corpus.featurizer(), l, docs));
        }
        TrainingData training = new TrainingData(languageCorpus(corpus, data, 0, sources.get(0), given.get(0)),
                languageCorpus(corpus, data, 1, sources.get(1), given.get(1)));

        GloCtmTrainer trainer = startTrainer(corpus);
        List<EpochStats> epochs = new ArrayList<>();
        try {
            train(trainer, training, epochs);
        } catch (RuntimeException e) {
            trainer.close();
            throw e;
        }
        return new Result(trainer, corpus, List.copyOf(test), List.copyOf(epochs), Map.copyOf(provenance));
    }

    private GloCtmTrainer startTrainer(PreparedCorpus corpus) {
        int v1 = corpus.featurizer().vocabulary(0).size();
        int v2 = corpus.featurizer().vocabulary(1).size();
        if (options.resume() && Files.exists(options.checkpoint())) {
            try {
                GloCtmTrainer resumed = GloCtmTrainer.resume(options.checkpoint());
                if (resumed.model().vocabSize(1) != v1 || resumed.model().vocabSize(2) != v2) {
                    resumed.close();
                    throw new IllegalArgumentException(options.checkpoint() + ": checkpoint vocabularies ("
                            + resumed.model().vocabSize(1) + ", " + resumed.model().vocabSize(2)
                            + ") differ from the data's (" + v1 + ", " + v2 + ")");
                }
                return resumed;
            } catch (IOException e) {
                throw new UncheckedIOException(options.checkpoint() + ": cannot resume (" + e.getMessage() + ")", e);
            }
        }
        return GloCtmTrainer.create(options.model(), v1, v2);
    }

    private void train(GloCtmTrainer trainer, TrainingData training, List<EpochStats> epochs) {
        // the requested count, not the checkpoint's: --resume --epochs N extends a finished run
        int totalEpochs = options.model().epochs();
        int startEpoch = trainer.completedEpochs();
        if (startEpoch >= totalEpochs) {
            return;
        }
        ProgressBar[] bar = new ProgressBar[1];
        try {
            trainer.train(training, totalEpochs, new TrainingListener() {
                @Override
                public void onStep(int epoch, int step, int stepsInEpoch) {
                    if (bar[0] == null) {
                        bar[0] = ProgressBar.start("train", (long) stepsInEpoch * (totalEpochs - startEpoch), "steps");
                    }
                    bar[0].step(1);
                }

                @Override
                public void onEpoch(EpochStats stats) {
                    epochs.add(stats);
                    LossTerms loss = stats.meanLoss();
                    if (!Double.isFinite(loss.total())) {
                        throw new TrainingFailedException(String.format(Locale.ROOT,
                                "loss became %s at epoch %d (reconstruction %.3f/%.3f, KL %.3f/%.3f/%.3f, CKA %.3f):"
                                        + " lower the learning rate or check the input", loss.total(), stats.epoch(),
                                loss.globalReconstruction(), loss.localReconstruction(), loss.globalPriorKl(),
                                loss.localPriorKl(), loss.localGlobalKl(), loss.cka()));
                    }
                    if (bar[0] != null) {
                        bar[0].setSuffix(String.format(Locale.ROOT, "epoch %d/%d loss %.2f (rec %.1f+%.1f kl %.2f cka %.3f)"
                                        + " %.0f docs/s", stats.epoch(), totalEpochs, loss.total(),
                                loss.globalReconstruction(), loss.localReconstruction(), loss.localGlobalKl(),
                                loss.cka(), stats.documentsPerSecond()));
                    }
                    if (stats.epoch() % options.checkpointEvery() == 0 || stats.epoch() == totalEpochs) {
                        saveCheckpoint(trainer);
                    }
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
    }

    private void saveCheckpoint(GloCtmTrainer trainer) {
        try {
            OutputFiles.createParentDirectories(options.checkpoint());
            trainer.saveCheckpoint(options.checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(options.checkpoint() + ": cannot write checkpoint (" + e.getMessage() + ")", e);
        }
    }

    private DocumentVectorSource source(String lang) {
        return options.documentVectors().getOrDefault(lang,
                new DocumentVectorSource.Tfidf(TfidfDocumentEmbeddings.Weighting.MEAN));
    }

    /**
     * @param given the language's document vectors when {@code source} made them from the raw documents, else
     *              null: tf-idf vectors need the bags of words, which exist only after preparation
     */
    private LanguageCorpus languageCorpus(PreparedCorpus corpus, BilingualCorpus data, int l,
                                          DocumentVectorSource source, float[][] given) {
        List<Features> features = corpus.features().get(l);
        List<SparseCounts> bow = features.stream().map(f -> f.bow().counts()).toList();
        List<SparseCounts> global = features.stream().map(Features::global).toList();
        float[][] embeddings = source instanceof DocumentVectorSource.Tfidf tfidf
                ? tfidf.embed(bow, corpus.featurizer().vocabulary(l).words(), data.sides().get(l).vectors())
                : given;
        return new LanguageCorpus(bow, global, embeddings);
    }
}
