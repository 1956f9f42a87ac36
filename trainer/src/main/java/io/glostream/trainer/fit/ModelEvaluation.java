package io.glostream.trainer.fit;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.model.TopicWords;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.eval.AlignedCorpus;
import io.glostream.trainer.eval.Evaluation;
import io.glostream.trainer.eval.EvaluationReport;
import io.glostream.trainer.eval.Evaluator;
import io.glostream.trainer.eval.LanguageData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a topic model on a bilingual corpus the way the paper does (TU, CNPMI with a reference corpus,
 * per-language NPMI, SVM classification on theta), whatever computes theta: the trained DJL model at the
 * end of {@code fit}, or the exported ONNX bundle in {@code eval}.
 */
public final class ModelEvaluation {

    /** Theta of a batch of featurised documents of one language (0 or 1 in the layout). */
    @FunctionalInterface
    public interface ThetaSource {
        float[][] theta(int language, List<Features> documents);
    }

    /** One language's documents with their features, for both splits. */
    public record Split(List<RawDocument> trainDocuments, List<Features> train, List<RawDocument> testDocuments,
                        List<Features> test) {
    }

    private ModelEvaluation() {
    }

    /** Why the corpus cannot be evaluated (no test split, unlabelled documents), or empty when it can. */
    public static Optional<String> whyNotEvaluable(List<Split> splits) {
        for (Split s : splits) {
            if (s.testDocuments().isEmpty()) {
                return Optional.of("the data has no test split");
            }
            if (s.trainDocuments().stream().anyMatch(d -> d.label().isEmpty())
                    || s.testDocuments().stream().anyMatch(d -> d.label().isEmpty())) {
                return Optional.of("some documents have no label");
            }
        }
        return Optional.empty();
    }

    /**
     * @param theta the theta the model serves, which every score uses
     * @param officialFeatures the features the authors' evaluation code classifies (each language's local
     *     encoder's pre-softmax mean), classified again into {@code classification_official}; null to skip
     * @param topics the model's topics with at least {@value Evaluator#PAPER_TOP_WORDS} top words per language
     */
    public static Evaluation evaluate(ThetaSource theta, ThetaSource officialFeatures, Featurizer featurizer,
                                      List<TopicWords> topics, List<Split> splits, AlignedCorpus reference,
                                      Map<String, Object> provenance) {
        whyNotEvaluable(splits).ifPresent(reason -> {
            throw new IllegalArgumentException("cannot evaluate: " + reason);
        });
        LanguageData[] data = new LanguageData[2];
        for (int l = 0; l < 2; l++) {
            Split s = splits.get(l);
            data[l] = new LanguageData(featurizer.languages().get(l), featurizer.vocabulary(l),
                    topWordIds(topics, featurizer.languages().get(l), featurizer.vocabulary(l)),
                    theta.theta(l, s.train()), labels(s.trainDocuments()), theta.theta(l, s.test()),
                    labels(s.testDocuments()), s.test().stream().map(f -> f.bow().counts()).toList());
        }
        Evaluation evaluation = Evaluator.paperSettings().evaluate(data[0], data[1], reference, provenance);
        if (officialFeatures == null) {
            return evaluation;
        }
        LanguageData[] official = new LanguageData[2];
        for (int l = 0; l < 2; l++) {
            Split s = splits.get(l);
            official[l] = data[l].withTheta(officialFeatures.theta(l, s.train()), officialFeatures.theta(l, s.test()));
        }
        EvaluationReport report = evaluation.report().withOfficialClassification(
                Evaluator.classification(official[0], official[1]));
        return new Evaluation(report, evaluation.tuPerTopic(), evaluation.npmiPerTopic());
    }

    private static int[][] topWordIds(List<TopicWords> topics, String lang, Vocabulary vocabulary) {
        return topics.stream()
                .map(t -> t.words(lang, Evaluator.PAPER_TOP_WORDS).stream().mapToInt(vocabulary::indexOf).toArray())
                .toArray(int[][]::new);
    }

    private static int[] labels(List<RawDocument> docs) {
        return docs.stream().mapToInt(d -> d.label().getAsInt()).toArray();
    }
}
