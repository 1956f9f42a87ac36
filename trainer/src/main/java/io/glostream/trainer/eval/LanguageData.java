package io.glostream.trainer.eval;

import io.glostream.core.features.SparseCounts;
import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import java.util.Objects;

/**
 * One language's share of an evaluation: its topics' top words and the document-topic proportions
 * (theta) and labels of its train and test documents.
 *
 * @param lang          language code, e.g. {@code en}
 * @param vocabulary    the language's vocabulary; top word ids and test documents index it
 * @param topWordIds    per topic, vocabulary ids of its top words, most probable first
 * @param trainTheta    theta of each training document (one row per document, K columns)
 * @param trainLabels   label of each training document
 * @param testTheta     theta of each test document
 * @param testLabels    label of each test document
 * @param testDocuments each test document's bag of words over the vocabulary, for NPMI
 */
public record LanguageData(
        String lang,
        Vocabulary vocabulary,
        int[][] topWordIds,
        float[][] trainTheta,
        int[] trainLabels,
        float[][] testTheta,
        int[] testLabels,
        List<SparseCounts> testDocuments) {

    public LanguageData {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(topWordIds, "topWordIds");
        Objects.requireNonNull(trainTheta, "trainTheta");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(testTheta, "testTheta");
        Objects.requireNonNull(testLabels, "testLabels");
        testDocuments = List.copyOf(testDocuments);
        if (trainTheta.length != trainLabels.length) {
            throw new IllegalArgumentException(lang + ": " + trainTheta.length + " training rows but "
                    + trainLabels.length + " training labels");
        }
        if (testTheta.length != testLabels.length) {
            throw new IllegalArgumentException(lang + ": " + testTheta.length + " test rows but " + testLabels.length
                    + " test labels");
        }
        for (SparseCounts doc : testDocuments) {
            if (doc.dimension() != vocabulary.size()) {
                throw new IllegalArgumentException(lang + ": a test document has dimension " + doc.dimension()
                        + ", the vocabulary has " + vocabulary.size() + " words");
            }
        }
    }

    /** The same documents, labels and topics with other per-document features in place of theta. */
    public LanguageData withTheta(float[][] train, float[][] test) {
        return new LanguageData(lang, vocabulary, topWordIds, train, trainLabels, test, testLabels, testDocuments);
    }
}
