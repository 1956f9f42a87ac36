package io.glostream.core.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyBuilderTest {

    /** Document frequencies: the 3, cat 3, sat 2, a 1, dog 1, ran 1; four documents. */
    private static VocabularyBuilder corpus() {
        VocabularyBuilder builder = new VocabularyBuilder();
        builder.addDocument(List.of("the", "cat", "sat", "the"));
        builder.addDocument(List.of("the", "dog", "sat"));
        builder.addDocument(List.of("the", "cat", "ran"));
        builder.addDocument(List.of("a", "cat"));
        return builder;
    }

    @Test
    void ordersByDescendingDocumentFrequencyThenWord() {
        assertEquals(List.of("cat", "the", "sat", "a", "dog", "ran"), corpus().build().words());
    }

    @Test
    void countsAWordOncePerDocument() {
        VocabularyBuilder builder = new VocabularyBuilder();
        builder.addDocument(List.of("x", "x", "x"));
        builder.addDocument(List.of("y"));
        builder.addDocument(List.of("y"));
        assertEquals(List.of("y", "x"), builder.build().words());
    }

    @Test
    void minDocFreqDropsRareWords() {
        assertEquals(List.of("cat", "the", "sat"), corpus().minDocFreq(2).build().words());
    }

    @Test
    void maxDocFreqRatioDropsWordsInTooManyDocuments() {
        assertEquals(List.of("sat", "a", "dog", "ran"), corpus().maxDocFreqRatio(0.5).build().words());
    }

    @Test
    void maxDocFreqRatioKeepsWordsExactlyAtTheBound() {
        assertEquals(6, corpus().maxDocFreqRatio(0.75).build().size());
    }

    @Test
    void maxDocFreqRatioComparesExactlyWhereMultiplyingWouldRoundDown() {
        // 0.29 * 100 is 28.999999999999996 in floating point, yet a word in 29 of 100 documents is within 0.29.
        VocabularyBuilder builder = new VocabularyBuilder().maxDocFreqRatio(0.29);
        for (int doc = 0; doc < 100; doc++) {
            builder.addDocument(doc < 29 ? List.of("w", "z", "rare" + doc) : doc == 29 ? List.of("z") : List.of("r" + doc));
        }
        Vocabulary vocabulary = builder.build();
        assertEquals(0, vocabulary.indexOf("w"));
        assertEquals(-1, vocabulary.indexOf("z"));
    }

    @Test
    void maxSizeKeepsTheMostFrequentWords() {
        assertEquals(List.of("cat", "the", "sat", "a"), corpus().maxSize(4).build().words());
    }

    @Test
    void boundsCombine() {
        assertEquals(List.of("sat"), corpus().minDocFreq(2).maxDocFreqRatio(0.5).build().words());
    }

    @Test
    void countsDocuments() {
        assertEquals(4, corpus().documentCount());
    }

    @Test
    void buildingWithoutDocumentsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VocabularyBuilder().build());
        assertEquals("cannot build a vocabulary: no documents added", e.getMessage());
    }

    @Test
    void buildingFromDocumentsWithoutTokensIsRefused() {
        VocabularyBuilder builder = new VocabularyBuilder();
        builder.addDocument(List.of());
        builder.addDocument(List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("cannot build a vocabulary: the 2 documents have no tokens", e.getMessage());
    }

    @Test
    void emptyResultNamesMinDocFreqWhenItRemovedEverything() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> corpus().minDocFreq(4).build());
        assertEquals("cannot build a vocabulary: minDocFreq=4 removed every word "
                + "(the most frequent occurs in 3 of 4 documents)", e.getMessage());
    }

    @Test
    void emptyResultNamesMaxDocFreqRatioWhenItRemovedWhatMinDocFreqLeft() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> corpus().minDocFreq(2).maxDocFreqRatio(0.25).build());
        assertEquals("cannot build a vocabulary: maxDocFreqRatio=0.25 removed all 3 words that pass minDocFreq=2 "
                + "(each occurs in more than that fraction of 4 documents)", e.getMessage());
    }

    @Test
    void refusesOutOfRangeBounds() {
        VocabularyBuilder builder = new VocabularyBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.minDocFreq(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxDocFreqRatio(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxDocFreqRatio(1.01));
        assertThrows(IllegalArgumentException.class, () -> builder.maxDocFreqRatio(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> builder.maxSize(0));
    }

    @Test
    void refusesTokensNoVocabularyCanHold() {
        VocabularyBuilder builder = new VocabularyBuilder();
        builder.addDocument(List.of("ok"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.addDocument(List.of("new york")));
        assertEquals("document 1: word \"new york\" contains whitespace", e.getMessage());
    }
}
