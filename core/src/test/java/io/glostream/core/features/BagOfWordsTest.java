package io.glostream.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.vocab.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class BagOfWordsTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("market", "stock", "北京"));

    @Test
    void countsTermFrequenciesAndOutOfVocabularyTokens() {
        BagOfWords bag = BagOfWords.of(List.of("stock", "the", "market", "stock", "北京", "rally", "stock"), VOCABULARY);
        assertArrayEquals(new float[] {1, 3, 1}, bag.counts().toDense());
        assertEquals(7, bag.tokens());
        assertEquals(2, bag.oovTokens());
        assertEquals(2.0 / 7, bag.oovRate());
    }

    @Test
    void matchesWordsExactlyIncludingCase() {
        BagOfWords bag = BagOfWords.of(List.of("Stock", "stock"), VOCABULARY);
        assertArrayEquals(new float[] {0, 1, 0}, bag.counts().toDense());
        assertEquals(1, bag.oovTokens());
    }

    @Test
    void noTokensGiveAnEmptyBagWithOovRateZero() {
        BagOfWords bag = BagOfWords.of(List.of(), VOCABULARY);
        assertEquals(SparseCounts.empty(3), bag.counts());
        assertEquals(0, bag.tokens());
        assertEquals(0.0, bag.oovRate());
    }

    @Test
    void onlyUnknownTokensGiveAnEmptyBagWithOovRateOne() {
        BagOfWords bag = BagOfWords.of(List.of("bond", "bond"), VOCABULARY);
        assertEquals(0, bag.counts().nnz());
        assertEquals(1.0, bag.oovRate());
    }

    @Test
    void countsHaveTheVocabularySizeAsDimension() {
        assertEquals(3, BagOfWords.of(List.of("market"), VOCABULARY).counts().dimension());
    }

    @Test
    void refusesCountsThatDoNotAddUpToTheKnownTokens() {
        SparseCounts two = SparseCounts.fromDense(new float[] {2, 0, 0});
        assertThrows(IllegalArgumentException.class, () -> new BagOfWords(two, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new BagOfWords(two, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new BagOfWords(two, -1, 0));
        assertEquals(2, new BagOfWords(two, 3, 1).counts().total());
    }
}
