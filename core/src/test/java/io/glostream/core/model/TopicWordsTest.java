package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.core.vocab.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicWordsTest {

    private static final Vocabulary EN = Vocabulary.of(List.of("cat", "dog", "fish"));
    private static final Vocabulary ZH = Vocabulary.of(List.of("猫", "狗"));

    /** Two topics over [cat dog fish | 猫 狗]. */
    private static final float[] BETA = {
        0.1f, 0.9f, 0.5f, /* | */ -1f, 2f,
        3f, 3f, -2f, /* | */ 4f, 0f};

    @Test
    void ranksEachLanguagesBlockOfTheRowLargestFirst() {
        List<TopicWords> topics = TopicWords.fromTopicWordMatrix(BETA, 2, List.of("en", "zh"), List.of(EN, ZH), 2);
        assertEquals(List.of("dog", "fish"), topics.get(0).words("en"));
        assertEquals(List.of("狗", "猫"), topics.get(0).words("zh"));
    }

    @Test
    void breaksTiesByTheLowerWordIndex() {
        List<TopicWords> topics = TopicWords.fromTopicWordMatrix(BETA, 2, List.of("en", "zh"), List.of(EN, ZH), 3);
        assertEquals(List.of("cat", "dog", "fish"), topics.get(1).words("en"));
    }

    @Test
    void listsTheWholeVocabularyWhenItIsSmallerThanN() {
        List<TopicWords> topics = TopicWords.fromTopicWordMatrix(BETA, 2, List.of("en", "zh"), List.of(EN, ZH), 15);
        assertEquals(List.of("猫", "狗"), topics.get(1).words("zh"));
    }

    @Test
    void refusesAMatrixOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicWords.fromTopicWordMatrix(new float[9], 2, List.of("en", "zh"), List.of(EN, ZH), 2));
        assertEquals("topic-word matrix has 9 values, expected 2 x 5", e.getMessage());
    }

    @Test
    void topicsJsonListsTopicsInOrderWithLanguagesInLayoutOrder() throws IOException {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("zh", List.of("狗"));
        words.put("en", List.of("dog", "cat"));
        byte[] json = TopicsJson.write(List.of(new TopicWords(0, words)));

        assertEquals("[{\"topic\":0,\"words\":{\"zh\":[\"狗\"],\"en\":[\"dog\",\"cat\"]}}]",
                new String(json, StandardCharsets.UTF_8).replaceAll("\\s", ""));
        assertEquals(List.of(new TopicWords(0, words)), TopicsJson.read(json));
        assertEquals(List.of("zh", "en"), List.copyOf(TopicsJson.read(json).get(0).words().keySet()));
    }

    @Test
    void topicsJsonRefusesAnEntryWithoutWords() {
        IOException e = assertThrows(IOException.class,
                () -> TopicsJson.read("[{\"topic\": 0}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("entry 0 needs a topic and words", e.getMessage());
    }
}
