package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds a training batch's arrays from the corpora: dense bags of words and augmented vectors through
 * reused staging buffers, and embedding rows gathered on the device from matrices uploaded once.
 * Arrays returned for one step must be closed before the next step asks again.
 */
final class BatchInputs implements AutoCloseable {

    private final TrainingData data;
    private final NDManager manager;
    private final NDManager uploads;
    private final DenseRowStaging[] bow = new DenseRowStaging[2];
    private final DenseRowStaging[] augmented = new DenseRowStaging[2];
    private final NDArray[] embeddings = new NDArray[2];

    BatchInputs(TrainingData data, NDManager manager, int maxRows) {
        this.data = data;
        this.manager = manager;
        this.uploads = manager.newSubManager();
        int jointDimension = data.vocabSize(1) + data.vocabSize(2);
        for (int lang = 1; lang <= 2; lang++) {
            LanguageCorpus corpus = data.language(lang);
            bow[lang - 1] = new DenseRowStaging(data.vocabSize(lang), maxRows);
            augmented[lang - 1] = new DenseRowStaging(jointDimension, maxRows);
            embeddings[lang - 1] = OwnedArrays.copyOf(uploads, corpus.flatEmbeddings(),
                    new Shape(corpus.size(), corpus.embeddingWidth()));
        }
    }

    int size(int lang) {
        return data.language(lang).size();
    }

    /** Dense bags of words {@code [n x V_lang]} of the given documents. */
    NDArray bow(int lang, int[] docs) {
        return bow[lang - 1].stage(manager, data.language(lang).bow(), docs, docs.length);
    }

    /** Dense augmented vectors {@code [n x (V1 + V2)]} of the given documents. */
    NDArray augmented(int lang, int[] docs) {
        return augmented[lang - 1].stage(manager, data.language(lang).augmented(), docs, docs.length);
    }

    /** Embedding rows {@code [n x M]} of the given documents. */
    NDArray embeddings(int lang, int[] docs) {
        long[] index = new long[docs.length];
        for (int i = 0; i < docs.length; i++) {
            index[i] = docs[i];
        }
        return embeddings[lang - 1].get(manager.create(index));
    }

    @Override
    public void close() {
        uploads.close();
    }
}
