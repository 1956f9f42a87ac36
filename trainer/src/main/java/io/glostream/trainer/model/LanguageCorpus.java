package io.glostream.trainer.model;

import io.glostream.core.features.SparseCounts;
import java.util.List;

/**
 * One language's training documents, aligned by position: the bag of words x (dimension V_l), the
 * polyglot-augmented vector g (dimension V1 + V2) and a pre-trained document embedding e (any width M, the
 * same for every document of the language).
 *
 * @param bow bags of words
 * @param augmented polyglot-augmented vectors in the [V1 | V2] layout
 * @param embeddings document embeddings, one row per document
 */
public record LanguageCorpus(List<SparseCounts> bow, List<SparseCounts> augmented, float[][] embeddings) {

    public LanguageCorpus {
        if (bow == null || augmented == null || embeddings == null) {
            throw new IllegalArgumentException("bow, augmented and embeddings must all be given");
        }
        if (bow.isEmpty()) {
            throw new IllegalArgumentException("a language needs at least one document");
        }
        if (augmented.size() != bow.size() || embeddings.length != bow.size()) {
            throw new IllegalArgumentException("need one augmented vector and one embedding per document, got "
                    + bow.size() + " documents, " + augmented.size() + " augmented vectors and " + embeddings.length
                    + " embeddings");
        }
        bow = List.copyOf(bow);
        augmented = List.copyOf(augmented);
        int width = embeddings[0] == null ? 0 : embeddings[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("embeddings must have at least one dimension");
        }
        for (int i = 0; i < embeddings.length; i++) {
            if (embeddings[i] == null || embeddings[i].length != width) {
                throw new IllegalArgumentException("embedding " + i + " does not have width " + width);
            }
        }
    }

    public int size() {
        return bow.size();
    }

    public int embeddingWidth() {
        return embeddings[0].length;
    }

    /** The embeddings as one row-major {@code [size x width]} array. */
    float[] flatEmbeddings() {
        int width = embeddingWidth();
        float[] flat = new float[size() * width];
        for (int i = 0; i < embeddings.length; i++) {
            System.arraycopy(embeddings[i], 0, flat, i * width, width);
        }
        return flat;
    }

    void checkDimensions(int bowDimension, int augmentedDimension, String name) {
        for (int i = 0; i < bow.size(); i++) {
            if (bow.get(i).dimension() != bowDimension) {
                throw new IllegalArgumentException(name + " document " + i + ": bag of words has dimension "
                        + bow.get(i).dimension() + ", expected " + bowDimension);
            }
            if (augmented.get(i).dimension() != augmentedDimension) {
                throw new IllegalArgumentException(name + " document " + i + ": augmented vector has dimension "
                        + augmented.get(i).dimension() + ", expected " + augmentedDimension);
            }
        }
    }
}
