package io.glostream.core.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundle's {@code topics.json}: {@code [{"topic": 0, "words": {"en": [...], "zh": [...]}}, ...]}, topics
 * in index order, languages in layout order.
 */
public final class TopicsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TopicsJson() {
    }

    /** The topics as UTF-8 JSON. */
    public static byte[] write(List<TopicWords> topics) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (TopicWords topic : topics) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("topic", topic.topic());
            entry.put("words", topic.words());
            entries.add(entry);
        }
        try {
            return MAPPER.writeValueAsBytes(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("serialising topic words failed", e);
        }
    }

    /**
     * Reads topics written by {@link #write}.
     *
     * @throws IOException if the JSON is malformed or an entry lacks its topic or words
     */
    public static List<TopicWords> read(byte[] json) throws IOException {
        List<Entry> entries = MAPPER.readValue(json, new TypeReference<List<Entry>>() { });
        List<TopicWords> topics = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry == null || entry.topic() == null || entry.words() == null) {
                throw new IOException("entry " + i + " needs a topic and words");
            }
            for (Map.Entry<String, List<String>> words : entry.words().entrySet()) {
                if (words.getValue() == null || words.getValue().contains(null)) {
                    throw new IOException("entry " + i + " has missing words for " + words.getKey());
                }
            }
            try {
                topics.add(new TopicWords(entry.topic(), entry.words()));
            } catch (IllegalArgumentException e) {
                throw new IOException("entry " + i + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(topics);
    }

    private record Entry(Integer topic, LinkedHashMap<String, List<String>> words) {
    }
}
