package io.glostream.stream.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.schemas.Document;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes {@code tail} writes, shared by its views: one compact object per line. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static ObjectNode document(Document document) {
        ObjectNode json = object();
        json.put("id", document.getId());
        json.put("lang", document.getLang());
        json.put("text", document.getText());
        json.put("timestamp", time(document.getTimestamp()));
        ObjectNode attributes = json.putObject("attributes");
        document.getAttributes().forEach(attributes::put);
        return json;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static ObjectNode wordsByLanguage(Map<String, List<String>> words) {
        ObjectNode json = object();
        words.forEach((lang, list) -> json.set(lang, strings(list)));
        return json;
    }

    /** A text field of {@code node}, or "" when absent or null, for table cells. */
    static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }
}
