package io.glostream.stream.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the ops server writes. Trends are built field by field, so instants are ISO-8601
 * strings without a Jackson time module and the wire format does not follow renames in the records.
 */
final class OpsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpsJson() {
    }

    /**
     * {@code {"from": "...Z", "to": "...Z", "lang": "en" | null, "modelVersion": "...", "documents": n,
     * "topics": [{"topic": k, "label": "...", "count": n, "words": {"en": ["..."], ...}}, ...]}}.
     */
    static byte[] trends(TrendsReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("lang", report.lang());
        root.put("modelVersion", report.modelVersion());
        root.put("documents", report.documents());
        ArrayNode topics = root.putArray("topics");
        for (TopicTrend trend : report.topics()) {
            ObjectNode topic = topics.addObject();
            topic.put("topic", trend.topic());
            topic.put("label", trend.label());
            topic.put("count", trend.count());
            ObjectNode words = topic.putObject("words");
            for (Map.Entry<String, List<String>> entry : trend.words().entrySet()) {
                ArrayNode list = words.putArray(entry.getKey());
                entry.getValue().forEach(list::add);
            }
        }
        return bytes(root);
    }

    /** {@code {"error": reason}}. */
    static byte[] error(String reason) {
        return bytes(MAPPER.createObjectNode().put("error", reason));
    }

    /** {@code {"status": status}}. */
    static byte[] status(String status) {
        return bytes(MAPPER.createObjectNode().put("status", status));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }
}
