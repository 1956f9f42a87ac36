package io.glostream.core.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.of(List.of("market", "北京", "stock"));

    @Test
    void mapsEachWordToItsPosition() {
        assertEquals(3, vocabulary.size());
        assertEquals(0, vocabulary.indexOf("market"));
        assertEquals(1, vocabulary.indexOf("北京"));
        assertEquals(2, vocabulary.indexOf("stock"));
        assertEquals("北京", vocabulary.word(1));
        assertEquals(List.of("market", "北京", "stock"), vocabulary.words());
    }

    @Test
    void absentWordsHaveIndexMinusOne() {
        assertEquals(-1, vocabulary.indexOf("Market"));
        assertFalse(vocabulary.contains("bond"));
        assertTrue(vocabulary.contains("stock"));
    }

    @Test
    void indexOutsideTheVocabularyIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> vocabulary.word(3));
        assertThrows(IndexOutOfBoundsException.class, () -> vocabulary.word(-1));
    }

    @Test
    void isACopyOfTheGivenListAndUnmodifiable() {
        List<String> words = new ArrayList<>(List.of("a", "b"));
        Vocabulary copy = Vocabulary.of(words);
        words.add("c");
        assertEquals(2, copy.size());
        assertThrows(UnsupportedOperationException.class, () -> copy.words().add("d"));
    }

    @Test
    void refusesDuplicatesNamingBothPositions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "b", "a")));
        assertEquals("index 2: duplicate word \"a\" (first at index 0)", e.getMessage());
    }

    @Test
    void refusesBlankWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", " ")));
        assertEquals("index 1: blank word", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("")));
    }

    @Test
    void refusesWordsContainingWhitespaceOrLineBreaks() {
        for (String bad : List.of("new york", "tab\there", "line\nbreak", "cr\rhere", "nbsp\u00A0word", "ls\u2028x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Vocabulary.of(List.of("ok", bad)));
            assertTrue(e.getMessage().startsWith("index 1: word \"" + bad + "\" contains whitespace"), e.getMessage());
        }
    }

    @Test
    void refusesNullWordsAndAnEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(Arrays.asList("a", null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of()));
        assertEquals("a vocabulary needs at least one word", e.getMessage());
    }

    @Test
    void refusesUnpairedSurrogatesWhichUtf8CannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("ab\uD800")));
    }

    @Test
    void sha256HashesOneWordPerLineInUtf8() {
        // printf 'market\nstock\n' | sha256sum
        assertEquals("639945954bf203ec148f459e663958d112ad5cf7185935a27315fd40ceded9cd",
                Vocabulary.of(List.of("market", "stock")).sha256());
        // printf '北京\nmarket\n' | sha256sum
        assertEquals("3cc695045a6fc5eaeb01cd81b49399f92260faf7e7e8406d761c2492ec1ba47d",
                Vocabulary.of(List.of("北京", "market")).sha256());
    }

    @Test
    void sha256DependsOnOrder() {
        assertFalse(Vocabulary.of(List.of("a", "b")).sha256().equals(Vocabulary.of(List.of("b", "a")).sha256()));
    }

    @Test
    void equalVocabulariesHaveTheSameWordsInTheSameOrder() {
        assertEquals(Vocabulary.of(List.of("a", "b")), Vocabulary.of(List.of("a", "b")));
        assertEquals(Vocabulary.of(List.of("a", "b")).hashCode(), Vocabulary.of(List.of("a", "b")).hashCode());
        assertFalse(Vocabulary.of(List.of("a", "b")).equals(Vocabulary.of(List.of("b", "a"))));
    }

    @Test
    void nullWordLookupIsRefused() {
        assertThrows(NullPointerException.class, () -> vocabulary.indexOf(null));
    }
}
