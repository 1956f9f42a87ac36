package io.glostream.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Evaluates a bilingual topic model as the GloCTM paper does: TU and NPMI per language, CNPMI and TQ
 * on a reference corpus when one is given, and SVM classification on theta within and across the two
 * languages. Every part is timed; the report's {@code timing} holds seconds per part and in total.
 */
public final class Evaluator {

    /** Top words per topic that the paper's TU and CNPMI use. */
    public static final int PAPER_TOP_WORDS = 15;

    private final int topWords;
    private final CnpmiCounting counting;

    /**
     * @param topWords how many of each topic's top words the topic metrics use
     * @param counting the word counts CNPMI uses
     */
    public Evaluator(int topWords, CnpmiCounting counting) {
        if (topWords < 2) {
            throw new IllegalArgumentException("topWords must be at least 2 so that topics have word pairs, got " + topWords);
        }
        this.topWords = topWords;
        this.counting = Objects.requireNonNull(counting, "counting");
    }

    /** The paper's settings: 15 top words, CNPMI counted as the official script counts. */
    public static Evaluator paperSettings() {
        return new Evaluator(PAPER_TOP_WORDS, CnpmiCounting.OFFICIAL_SCRIPT);
    }

    /**
     * Evaluates the model behind {@code first} and {@code second} (topic {@code k} of one is topic
     * {@code k} of the other).
     *
     * @param reference  aligned reference corpus in the same two languages (either order), or null to
     *                   leave CNPMI and TQ null
     * @param provenance recorded as given in the report
     * @throws IllegalArgumentException if the two languages disagree on the number of topics, a topic has
     *                                  fewer than {@code topWords} words, or theta is not K columns wide
     */
    public Evaluation evaluate(LanguageData first, LanguageData second, AlignedCorpus reference,
            Map<String, Object> provenance) {
        Objects.requireNonNull(provenance, "provenance");
        if (first.lang().equals(second.lang())) {
            throw new IllegalArgumentException("the two languages must differ, got " + first.lang() + " twice");
        }
        int topicCount = first.topWordIds().length;
        check(first, topicCount);
        check(second, topicCount);
        long start = System.nanoTime();
        Map<String, Double> timing = new LinkedHashMap<>();
        List<List<String>> words1 = topWords(first);
        List<List<String>> words2 = topWords(second);

        Map<String, double[]> tuPerTopic = timed(timing, "tu", () -> {
            Map<String, double[]> perTopic = new LinkedHashMap<>();
            perTopic.put(first.lang(), TopicUniqueness.perTopic(words1));
            perTopic.put(second.lang(), TopicUniqueness.perTopic(words2));
            return perTopic;
        });
        Map<String, Double> tu = new LinkedHashMap<>();
        tuPerTopic.forEach((lang, perTopic) -> tu.put(lang, mean(perTopic)));
        double tuMean = (tu.get(first.lang()) + tu.get(second.lang())) / 2;
        tu.put("mean", tuMean);

        Map<String, double[]> npmiPerTopic = timed(timing, "npmi", () -> {
            Map<String, double[]> perTopic = new LinkedHashMap<>();
            perTopic.put(first.lang(), MonolingualNpmi.perTopic(truncatedIds(first), first.testDocuments()));
            perTopic.put(second.lang(), MonolingualNpmi.perTopic(truncatedIds(second), second.testDocuments()));
            return perTopic;
        });
        Map<String, Double> npmi = new LinkedHashMap<>();
        npmiPerTopic.forEach((lang, perTopic) -> npmi.put(lang, mean(perTopic)));

        Double cnpmi = null;
        Double tq = null;
        if (reference != null) {
            cnpmi = timed(timing, "cnpmi", () -> cnpmi(reference, first.lang(), words1, second.lang(), words2));
            tq = Math.max(cnpmi, 0.0) * tuMean;
        }

        Map<String, ClassificationScore> classification = timed(timing, "classification",
                () -> classification(first, second));

        List<Map<String, List<String>>> topics = new ArrayList<>();
        for (int k = 0; k < topicCount; k++) {
            Map<String, List<String>> topic = new LinkedHashMap<>();
            topic.put(first.lang(), words1.get(k));
            topic.put(second.lang(), words2.get(k));
            topics.add(topic);
        }
        timing.put("total", seconds(System.nanoTime() - start));
        EvaluationReport report = new EvaluationReport(tu, cnpmi, tq, npmi, classification, null, topics, timing,
                provenance);
        return new Evaluation(report, tuPerTopic, npmiPerTopic);
    }

    private double cnpmi(AlignedCorpus reference, String lang1, List<List<String>> words1, String lang2,
            List<List<String>> words2) {
        boolean sameOrder = reference.lang1().equals(lang1) && reference.lang2().equals(lang2);
        boolean swapped = reference.lang1().equals(lang2) && reference.lang2().equals(lang1);
        if (!sameOrder && !swapped) {
            throw new IllegalArgumentException("reference corpus is " + reference.lang1() + "-" + reference.lang2()
                    + " but the model is " + lang1 + "-" + lang2);
        }
        List<List<String>> topics1 = sameOrder ? words1 : words2;
        List<List<String>> topics2 = sameOrder ? words2 : words1;
        ReferenceCounts counts = ReferenceCounts.count(reference, Cnpmi.wordsOf(topics1), Cnpmi.wordsOf(topics2));
        return Cnpmi.of(topics1, topics2, counts, counting);
    }

    /**
     * SVM classification on the two languages' theta: a classifier trained on each language's training split,
     * tested on both languages' test splits; keys "train language -&gt; test language".
     */
    public static Map<String, ClassificationScore> classification(LanguageData first, LanguageData second) {
        // LIBSVM trains on one thread; the two languages' models are independent, so train them side by side.
        CompletableFuture<SvmClassifier> secondModel = CompletableFuture.supplyAsync(
                () -> SvmClassifier.train(second.trainTheta(), second.trainLabels()));
        SvmClassifier onFirst = SvmClassifier.train(first.trainTheta(), first.trainLabels());
        SvmClassifier onSecond;
        try {
            onSecond = secondModel.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        Map<String, ClassificationScore> scores = new LinkedHashMap<>();
        scores.put(direction(first, first), score(onFirst, first));
        scores.put(direction(second, second), score(onSecond, second));
        scores.put(direction(first, second), score(onFirst, second));
        scores.put(direction(second, first), score(onSecond, first));
        return scores;
    }

    private static String direction(LanguageData train, LanguageData test) {
        return train.lang() + "->" + test.lang();
    }

    private static ClassificationScore score(SvmClassifier classifier, LanguageData test) {
        return ClassificationScore.of(test.testLabels(), classifier.predict(test.testTheta()));
    }

    private List<List<String>> topWords(LanguageData data) {
        List<List<String>> topics = new ArrayList<>();
        for (int[] topic : truncatedIds(data)) {
            List<String> words = new ArrayList<>();
            for (int id : topic) {
                words.add(data.vocabulary().word(id));
            }
            topics.add(List.copyOf(words));
        }
        return topics;
    }

    private int[][] truncatedIds(LanguageData data) {
        int[][] ids = new int[data.topWordIds().length][];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = Arrays.copyOf(data.topWordIds()[k], topWords);
        }
        return ids;
    }

    private void check(LanguageData data, int topicCount) {
        if (topicCount == 0) {
            throw new IllegalArgumentException(data.lang() + ": no topics");
        }
        if (data.topWordIds().length != topicCount) {
            throw new IllegalArgumentException(data.lang() + " has " + data.topWordIds().length + " topics, expected "
                    + topicCount);
        }
        for (int k = 0; k < topicCount; k++) {
            int[] topic = data.topWordIds()[k];
            if (topic.length < topWords) {
                throw new IllegalArgumentException(data.lang() + " topic " + k + " lists " + topic.length
                        + " words, fewer than the " + topWords + " evaluated");
            }
            for (int id : topic) {
                if (id < 0 || id >= data.vocabulary().size()) {
                    throw new IllegalArgumentException(data.lang() + " topic " + k + " word id " + id + " outside [0, "
                            + data.vocabulary().size() + ")");
                }
            }
        }
        checkThetaWidth(data.lang() + " training theta", data.trainTheta(), topicCount);
        checkThetaWidth(data.lang() + " test theta", data.testTheta(), topicCount);
    }

    private static void checkThetaWidth(String what, float[][] theta, int topicCount) {
        for (int i = 0; i < theta.length; i++) {
            if (theta[i].length != topicCount) {
                throw new IllegalArgumentException(what + " row " + i + " has " + theta[i].length + " columns, expected K = "
                        + topicCount);
            }
        }
    }

    private static <T> T timed(Map<String, Double> timing, String part, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        timing.put(part, seconds(System.nanoTime() - start));
        return result;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
