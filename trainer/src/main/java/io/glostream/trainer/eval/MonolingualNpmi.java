package io.glostream.trainer.eval;

import io.glostream.core.features.SparseCounts;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coherence of one language's topics on a corpus of that language, each document one window: for topic
 * {@code k} the mean {@link Npmi} over the {@code N(N-1)/2} unordered pairs of its top words, where a
 * word's count is the number of documents that contain it and a pair's count the number that contain
 * both. The corpus score is the mean over topics.
 */
public final class MonolingualNpmi {

    private MonolingualNpmi() {
    }

    /** Mean over topics of {@link #perTopic}. */
    public static double of(int[][] topWordIds, List<SparseCounts> documents) {
        double[] perTopic = perTopic(topWordIds, documents);
        double sum = 0;
        for (double score : perTopic) {
            sum += score;
        }
        return sum / perTopic.length;
    }

    /**
     * Each topic's mean pair NPMI.
     *
     * @param topWordIds per topic, the vocabulary ids of its top words (at least two)
     * @param documents  the corpus as bags of words over the vocabulary; only which ids occur matters
     * @throws ArithmeticException if a pair occurs in every document (see {@link Npmi})
     */
    public static double[] perTopic(int[][] topWordIds, List<SparseCounts> documents) {
        if (topWordIds.length == 0) {
            throw new IllegalArgumentException("no topics");
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no documents");
        }
        int dimension = documents.get(0).dimension();
        Map<Integer, BitSet> holding = new HashMap<>();
        for (int k = 0; k < topWordIds.length; k++) {
            int[] topic = topWordIds[k];
            if (topic.length < 2) {
                throw new IllegalArgumentException("topic " + k + " has " + topic.length + " words; pairs need 2");
            }
            for (int id : topic) {
                if (id < 0 || id >= dimension) {
                    throw new IllegalArgumentException("topic " + k + " word id " + id + " outside [0, " + dimension + ")");
                }
                holding.putIfAbsent(id, new BitSet(documents.size()));
            }
        }
        for (int d = 0; d < documents.size(); d++) {
            SparseCounts doc = documents.get(d);
            if (doc.dimension() != dimension) {
                throw new IllegalArgumentException("document " + d + " has dimension " + doc.dimension()
                        + ", document 0 has " + dimension);
            }
            for (int i = 0; i < doc.nnz(); i++) {
                BitSet docs = holding.get(doc.indexAt(i));
                if (docs != null) {
                    docs.set(d);
                }
            }
        }
        Map<Integer, long[]> sets = new HashMap<>();
        holding.forEach((id, docs) -> sets.put(id, DocumentSets.freeze(docs)));
        double windows = documents.size();
        double[] scores = new double[topWordIds.length];
        for (int k = 0; k < topWordIds.length; k++) {
            int[] topic = topWordIds[k];
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < topic.length; i++) {
                long[] a = sets.get(topic[i]);
                for (int j = i + 1; j < topic.length; j++) {
                    long[] b = sets.get(topic[j]);
                    sum += Npmi.of(DocumentSets.size(a), DocumentSets.size(b), DocumentSets.intersectionSize(a, b), windows);
                    pairs++;
                }
            }
            scores[k] = sum / pairs;
        }
        return scores;
    }
}
