package io.glostream.core.model;

import io.glostream.core.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most probable words of one topic in each language, most probable first: how people read a topic.
 *
 * @param topic the topic's index, 0-based
 * @param words per language code, in layout order, the top words (unmodifiable copies)
 */
public record TopicWords(int topic, Map<String, List<String>> words) {

    public TopicWords {
        if (topic < 0) {
            throw new IllegalArgumentException("topic must be non-negative, got " + topic);
        }
        if (words == null || words.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " needs words for at least one language");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        words.forEach((lang, list) -> copy.put(lang, List.copyOf(list)));
        words = Collections.unmodifiableMap(copy);
    }

    /**
     * The top words of {@code language}.
     *
     * @throws IllegalArgumentException if the topic has no words for it
     */
    public List<String> words(String language) {
        List<String> list = words.get(language);
        if (list == null) {
            throw new IllegalArgumentException("topic " + topic + " has no words for " + language + ", only "
                    + words.keySet());
        }
        return list;
    }

    /** The first {@code n} (or fewer) top words of {@code language}. */
    public List<String> words(String language, int n) {
        List<String> list = words(language);
        return list.subList(0, Math.min(n, list.size()));
    }

    /**
     * The top words of every topic of a topic-word matrix over the joint layout {@code [lang1 | lang2 | ...]}:
     * for each row and language, the {@code n} largest entries of that language's block, largest first,
     * ties broken by the lower word index.
     *
     * @param topicWord row-major {@code [topics x (V1 + V2 + ...)]}
     * @param languages language codes in layout order
     * @param vocabularies the languages' vocabularies, in the same order
     * @param n words per topic and language (fewer when a vocabulary is smaller)
     */
    public static List<TopicWords> fromTopicWordMatrix(float[] topicWord, int topics, List<String> languages,
            List<Vocabulary> vocabularies, int n) {
        if (languages.size() != vocabularies.size() || languages.isEmpty()) {
            throw new IllegalArgumentException("need one vocabulary per language, got " + languages.size()
                    + " languages and " + vocabularies.size() + " vocabularies");
        }
        if (topics <= 0 || n <= 0) {
            throw new IllegalArgumentException("topics and n must be positive, got " + topics + " and " + n);
        }
        int joint = vocabularies.stream().mapToInt(Vocabulary::size).sum();
        if (topicWord.length != (long) topics * joint) {
            throw new IllegalArgumentException("topic-word matrix has " + topicWord.length + " values, expected "
                    + topics + " x " + joint);
        }
        List<TopicWords> result = new ArrayList<>(topics);
        for (int k = 0; k < topics; k++) {
            Map<String, List<String>> words = new LinkedHashMap<>();
            int offset = k * joint;
            for (int l = 0; l < languages.size(); l++) {
                Vocabulary vocabulary = vocabularies.get(l);
                words.put(languages.get(l), top(topicWord, offset, vocabulary, n));
                offset += vocabulary.size();
            }
            result.add(new TopicWords(k, words));
        }
        return List.copyOf(result);
    }

    private static List<String> top(float[] values, int offset, Vocabulary vocabulary, int n) {
        List<Integer> indices = new ArrayList<>(vocabulary.size());
        for (int w = 0; w < vocabulary.size(); w++) {
            indices.add(w);
        }
        indices.sort((a, b) -> {
            int byValue = Float.compare(values[offset + b], values[offset + a]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        List<String> words = new ArrayList<>(Math.min(n, indices.size()));
        for (int i = 0; i < Math.min(n, indices.size()); i++) {
            words.add(vocabulary.word(indices.get(i)));
        }
        return words;
    }
}
