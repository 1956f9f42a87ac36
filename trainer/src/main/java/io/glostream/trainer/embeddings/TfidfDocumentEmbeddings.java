package io.glostream.trainer.embeddings;

import io.glostream.core.features.SparseCounts;
import java.util.List;

/**
 * Document vectors for the CKA loss when no sentence encoder is at hand: a tf-idf weighting of a document's
 * word vectors. CKA compares theta and E within one language, so E needs no cross-lingual alignment. idf is
 * scikit-learn's smoothed form, {@code ln((1 + N) / (1 + df)) + 1}, fitted on the training documents.
 */
public final class TfidfDocumentEmbeddings {

    /**
     * How the weighted word vectors add up. Linear CKA ignores a rotation of E but not a per-document scaling,
     * so the choice moves the trained model (bench/results/quality.md).
     */
    public enum Weighting {
        /** Divided by the sum of the weights: every document's vector is a mean of word vectors. */
        MEAN("mean", "tf-idf weighted mean of the word vectors"),
        /**
         * scikit-learn's {@code TfidfTransformer} rows (unit L2 norm) times the word vectors, undivided: a
         * document's vector grows with the square root of its number of distinct words.
         */
        L2_SUM("l2-sum", "unit-L2 tf-idf weighted sum of the word vectors");

        private final String option;
        private final String provenance;

        Weighting(String option, String provenance) {
            this.option = option;
            this.provenance = provenance;
        }

        /** What the manifest records for E made this way. */
        public String provenance() {
            return provenance;
        }

        /** @throws IllegalArgumentException naming the choices when {@code name} is none of them */
        public static Weighting parse(String name) {
            for (Weighting w : values()) {
                if (w.option.equals(name)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("--tfidf-weighting: unknown weighting '" + name + "' (mean or l2-sum)");
        }
    }

    private final double[] idf;
    private final float[] wordVectors;
    private final int dimension;
    private final Weighting weighting;

    private TfidfDocumentEmbeddings(double[] idf, float[] wordVectors, int dimension, Weighting weighting) {
        this.idf = idf;
        this.wordVectors = wordVectors;
        this.dimension = dimension;
        this.weighting = weighting;
    }

    /**
     * @param documents   the training bag-of-words of one language (dimension V)
     * @param wordVectors row-major {@code V x dimension} vectors, row w for vocabulary word w
     */
    public static TfidfDocumentEmbeddings fit(List<SparseCounts> documents, float[] wordVectors, int dimension,
                                              Weighting weighting) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("cannot fit idf on an empty corpus");
        }
        int vocab = documents.get(0).dimension();
        if (wordVectors.length != vocab * dimension) {
            throw new IllegalArgumentException(wordVectors.length + " vector values for " + vocab + " words of "
                    + dimension + " dimensions");
        }
        int[] df = new int[vocab];
        for (SparseCounts doc : documents) {
            for (int i = 0; i < doc.nnz(); i++) {
                df[doc.indexAt(i)]++;
            }
        }
        double[] idf = new double[vocab];
        int n = documents.size();
        for (int w = 0; w < vocab; w++) {
            idf[w] = Math.log((1.0 + n) / (1.0 + df[w])) + 1.0;
        }
        return new TfidfDocumentEmbeddings(idf, wordVectors.clone(), dimension, weighting);
    }

    public int dimension() {
        return dimension;
    }

    /** The weighted vector of one document; all zeros when none of its words has weight. */
    public float[] embed(SparseCounts doc) {
        double[] acc = new double[dimension];
        double weight = 0;
        for (int i = 0; i < doc.nnz(); i++) {
            int w = doc.indexAt(i);
            double tfidf = doc.valueAt(i) * idf[w];
            weight += weighting == Weighting.MEAN ? tfidf : tfidf * tfidf;
            int off = w * dimension;
            for (int d = 0; d < dimension; d++) {
                acc[d] += tfidf * wordVectors[off + d];
            }
        }
        float[] out = new float[dimension];
        if (weight > 0) {
            double divisor = weighting == Weighting.MEAN ? weight : Math.sqrt(weight);
            for (int d = 0; d < dimension; d++) {
                out[d] = (float) (acc[d] / divisor);
            }
        }
        return out;
    }

    public float[][] embedAll(List<SparseCounts> docs) {
        float[][] out = new float[docs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = embed(docs.get(i));
        }
        return out;
    }
}
