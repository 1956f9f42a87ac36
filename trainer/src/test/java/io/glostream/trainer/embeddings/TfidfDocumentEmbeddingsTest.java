package io.glostream.trainer.embeddings;

import static io.glostream.trainer.embeddings.TfidfDocumentEmbeddings.Weighting.L2_SUM;
import static io.glostream.trainer.embeddings.TfidfDocumentEmbeddings.Weighting.MEAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.features.SparseCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfidfDocumentEmbeddingsTest {

    // three words with 2-d vectors: w0 = (1, 0), w1 = (0, 1), w2 = (1, 1)
    private static final float[] VECTORS = {1, 0, 0, 1, 1, 1};

    private static SparseCounts doc(float... dense) {
        return SparseCounts.fromDense(dense);
    }

    @Test
    void weightsWordVectorsByTfIdf() {
        // 3 documents; df: w0 = 3, w1 = 1, w2 = 0
        List<SparseCounts> corpus = List.of(doc(2, 1, 0), doc(1, 0, 0), doc(1, 0, 0));
        TfidfDocumentEmbeddings e = TfidfDocumentEmbeddings.fit(corpus, VECTORS, 2, MEAN);
        // idf0 = ln(4/4) + 1 = 1; idf1 = ln(4/2) + 1 = 1.6931472
        // doc 0: weights w0 = 2 * 1 = 2, w1 = 1 * 1.6931472; mean = (2 * (1,0) + 1.6931 * (0,1)) / 3.6931472
        double idf1 = Math.log(2) + 1;
        double total = 2 + idf1;
        assertArrayEquals(new float[] {(float) (2 / total), (float) (idf1 / total)}, e.embed(corpus.get(0)), 1e-6f);
        // an unseen word gets idf ln(4/1) + 1 and is used as it comes
        assertArrayEquals(new float[] {1, 1}, e.embed(doc(0, 0, 5)), 1e-6f);
    }

    @Test
    void l2SumDividesByTheNormOfTheWeightsSoLongerDocumentsGrow() {
        List<SparseCounts> corpus = List.of(doc(2, 1, 0), doc(1, 0, 0), doc(1, 0, 0));
        TfidfDocumentEmbeddings e = TfidfDocumentEmbeddings.fit(corpus, VECTORS, 2, L2_SUM);
        // doc 0: weights (2, 1.6931472) scaled to unit L2 norm, times (1,0) and (0,1)
        double idf1 = Math.log(2) + 1;
        double norm = Math.sqrt(4 + idf1 * idf1);
        assertArrayEquals(new float[] {(float) (2 / norm), (float) (idf1 / norm)}, e.embed(corpus.get(0)), 1e-6f);
        // w2 alone has unit weight after scaling: its vector as it comes, whatever its count
        assertArrayEquals(new float[] {1, 1}, e.embed(doc(0, 0, 5)), 1e-6f);
        // w0 and w2 with equal weights: (1,0)/sqrt2 + (1,1)/sqrt2, longer than either mean would be
        float r = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[] {2 * r, r}, e.embed(doc(1, 0, 1.0f / (float) (Math.log(4) + 1))), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, e.embed(SparseCounts.empty(3)));
    }

    @Test
    void weightingsParseFromTheirOptionNames() {
        assertEquals(MEAN, TfidfDocumentEmbeddings.Weighting.parse("mean"));
        assertEquals(L2_SUM, TfidfDocumentEmbeddings.Weighting.parse("l2-sum"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfidfDocumentEmbeddings.Weighting.parse("sum"));
        assertEquals("--tfidf-weighting: unknown weighting 'sum' (mean or l2-sum)", e.getMessage());
    }

    @Test
    void anEmptyDocumentIsTheZeroVector() {
        TfidfDocumentEmbeddings e = TfidfDocumentEmbeddings.fit(List.of(doc(1, 0, 0)), VECTORS, 2, MEAN);
        assertArrayEquals(new float[] {0, 0}, e.embed(SparseCounts.empty(3)));
    }

    @Test
    void refusesVectorsThatDoNotFitTheVocabulary() {
        assertThrows(IllegalArgumentException.class,
                () -> TfidfDocumentEmbeddings.fit(List.of(doc(1, 0, 0)), new float[4], 2, MEAN));
        assertThrows(IllegalArgumentException.class, () -> TfidfDocumentEmbeddings.fit(List.of(), VECTORS, 2, MEAN));
    }
}
