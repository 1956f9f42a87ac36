package io.glostream.trainer.embeddings;

import io.glostream.core.features.SparseCounts;
import io.glostream.trainer.corpus.RawDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a language's document vectors E for the CKA loss come from. CKA compares theta and E within one
 * language, so E needs no cross-lingual alignment; its width is free.
 */
public sealed interface DocumentVectorSource {

    /** What the manifest's {@code trainingData.documentEmbeddings} records for the language. */
    String provenance();

    /** Vectors made from the raw documents, independent of the vocabulary and bag of words. */
    sealed interface FromDocuments extends DocumentVectorSource {
        /** One row per document, in order. */
        float[][] embed(String lang, List<RawDocument> documents, int threads);
    }

    /** The default: tf-idf weightings of the language's word vectors (means unless told otherwise). */
    record Tfidf(TfidfDocumentEmbeddings.Weighting weighting) implements DocumentVectorSource {
        public Tfidf {
            Objects.requireNonNull(weighting, "weighting");
        }

        /** One row per bag of words; {@code words} is the vocabulary the bags index. */
        public float[][] embed(List<SparseCounts> bow, List<String> words, WordVectors vectors) {
            return TfidfDocumentEmbeddings.fit(bow, vectors.matrixFor(words), vectors.dimension(), weighting)
                    .embedAll(bow);
        }

        @Override
        public String provenance() {
            return weighting.provenance();
        }
    }

    /** A user's {@code .npy} matrix, one row per training document. */
    record NpyFile(Path file) implements FromDocuments {
        @Override
        public float[][] embed(String lang, List<RawDocument> documents, int threads) {
            return NpyDocumentVectors.read(file, lang, documents.size());
        }

        @Override
        public String provenance() {
            return "npy:" + file.getFileName() + "+sha256:" + FileDigest.sha256(file);
        }
    }

    /** An ONNX sentence encoder directory ({@code model.onnx}, {@code tokenizer.json}) run over the texts. */
    record SentenceEncoder(Path directory, int batchSize) implements FromDocuments {
        public SentenceEncoder {
            if (batchSize < 1) {
                throw new IllegalArgumentException("--encoder-batch must be >= 1, got " + batchSize);
            }
        }

        @Override
        public float[][] embed(String lang, List<RawDocument> documents, int threads) {
            try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.open(directory, threads)) {
                return encoder.encode(documents.stream().map(RawDocument::text).toList(), batchSize, "encode " + lang);
            }
        }

        @Override
        public String provenance() {
            Path name = directory.toAbsolutePath().normalize().getFileName();
            return "onnx:" + name + "+sha256:" + FileDigest.sha256(directory.resolve(OnnxSentenceEncoder.MODEL_FILE));
        }
    }
}
