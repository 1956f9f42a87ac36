package io.glostream.trainer.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cross-lingual NPMI (Hao, Boyd-Graber and Paul 2018) of aligned topics over a reference corpus of
 * aligned document pairs, each pair one window, following the official script {@code CNPMI.py}:
 * <pre>
 *   CNPMI = 1/(K N^2) sum_k sum_{w1 in top1_k} sum_{w2 in top2_k} NPMI(w1, w2)
 * </pre>
 * over all {@code N x N} cross-language pairs of each topic's {@code N} top words per language. A
 * pair's NPMI ({@link Npmi}) takes as pair count the number of aligned pairs whose first document
 * contains {@code w1} and whose second document contains {@code w2}, as window count the number of
 * aligned pairs, and word counts as chosen by {@link CnpmiCounting}.
 */
public final class Cnpmi {

    private Cnpmi() {
    }

    /**
     * CNPMI of topics {@code topics1} (first language of {@code counts}) against {@code topics2} (second
     * language): topic {@code k} of one is aligned with topic {@code k} of the other.
     *
     * @param counts reference counts that counted every word of {@code topics1} on the first side and
     *               every word of {@code topics2} on the second
     * @throws ArithmeticException if a pair co-occurs in every pair of the corpus (see {@link Npmi})
     */
    public static double of(List<List<String>> topics1, List<List<String>> topics2, ReferenceCounts counts,
            CnpmiCounting counting) {
        checkTopics(topics1, topics2);
        Set<String> secondLanguageWords = wordsOf(topics2);
        double windows = counts.windows();
        double sum = 0;
        long pairs = 0;
        for (int k = 0; k < topics1.size(); k++) {
            for (String w1 : topics1.get(k)) {
                double c1 = firstCount(w1, counts, counting, secondLanguageWords);
                for (String w2 : topics2.get(k)) {
                    double c2 = counting == CnpmiCounting.OFFICIAL_SCRIPT
                            ? counts.second().occurrences(w2)
                            : counts.second().documents(w2);
                    sum += Npmi.of(c1, c2, counts.coDocuments(w1, w2), windows);
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    /** Every distinct word of the topics, in order of first appearance: what {@link ReferenceCounts} must count. */
    public static Set<String> wordsOf(List<List<String>> topics) {
        Set<String> words = new LinkedHashSet<>();
        topics.forEach(words::addAll);
        return words;
    }

    private static double firstCount(String w1, ReferenceCounts counts, CnpmiCounting counting,
            Set<String> secondLanguageWords) {
        if (counting == CnpmiCounting.DOCUMENT_FREQUENCY) {
            return counts.first().documents(w1);
        }
        return secondLanguageWords.contains(w1) ? counts.second().occurrences(w1) : counts.first().occurrences(w1);
    }

    private static void checkTopics(List<List<String>> topics1, List<List<String>> topics2) {
        if (topics1.isEmpty()) {
            throw new IllegalArgumentException("no topics");
        }
        if (topics1.size() != topics2.size()) {
            throw new IllegalArgumentException("topics are aligned by index, but there are " + topics1.size()
                    + " in the first language and " + topics2.size() + " in the second");
        }
        int n = topics1.get(0).size();
        if (n == 0) {
            throw new IllegalArgumentException("topic 0 has no words");
        }
        for (int k = 0; k < topics1.size(); k++) {
            if (topics1.get(k).size() != n || topics2.get(k).size() != n) {
                throw new IllegalArgumentException("every topic must list " + n + " words in both languages, topic " + k
                        + " lists " + topics1.get(k).size() + " and " + topics2.get(k).size());
            }
        }
    }
}
