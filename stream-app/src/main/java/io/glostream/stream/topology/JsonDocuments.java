package io.glostream.stream.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.glostream.schemas.Document;
import io.glostream.schemas.UndecodableRecordException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a document written as a JSON object, {@code {"id", "lang"?, "text", "timestamp"?, "attributes"?}}, for
 * producers that cannot write Avro: the JSON ingress topic and {@code produce --format jsonl}.
 *
 * <p>{@code timestamp} is epoch milliseconds or an ISO-8601 instant ({@code 2026-11-27T10:15:00Z});
 * {@code attributes} maps names to strings, numbers or booleans (kept as their text). Other fields are ignored,
 * as Avro readers ignore fields they do not know. A missing {@code id} or {@code text} is not a decoding error:
 * the document comes back with it null, for the same validation as Avro documents (and the same dead-letter
 * reasons). Anything else that does not fit, from malformed JSON to a number where text belongs, raises
 * {@link UndecodableRecordException} with the problem in one line.
 */
public final class JsonDocuments {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonDocuments() {
    }

    /**
     * @param defaultTimestamp the timestamp of a document that gives none
     * @throws UndecodableRecordException when {@code json} is not a document object
     */
    public static Document parse(byte[] json, Instant defaultTimestamp) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw undecodable(json, "malformed JSON: " + describe(e));
        } catch (IOException e) {
            throw undecodable(json, "unreadable JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw undecodable(json, "no JSON value");
        }
        if (!root.isObject()) {
            throw undecodable(json, "expected a JSON object, got " + kind(root));
        }
        // The all-arguments constructor, unlike the builder, lets a missing id or text through to validation.
        return new Document(text(json, root, "id"), text(json, root, "lang"), text(json, root, "text"),
                timestamp(json, root, defaultTimestamp), attributes(json, root));
    }

    private static String text(byte[] json, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw undecodable(json, "\"" + field + "\" must be a string, got " + kind(node));
        }
        return node.asText();
    }

    private static Instant timestamp(byte[] json, JsonNode root, Instant defaultTimestamp) {
        JsonNode node = root.get("timestamp");
        if (node == null || node.isNull()) {
            return defaultTimestamp;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        if (node.isTextual()) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw undecodable(json, "\"timestamp\" '" + node.asText() + "' is not an ISO-8601 instant such as "
                        + "2026-11-27T10:15:00Z");
            }
        }
        throw undecodable(json, "\"timestamp\" must be epoch milliseconds or an ISO-8601 instant, got " + kind(node));
    }

    private static Map<String, String> attributes(byte[] json, JsonNode root) {
        JsonNode node = root.get("attributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        if (!node.isObject()) {
            throw undecodable(json, "\"attributes\" must be an object, got " + kind(node));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw undecodable(json, "attribute \"" + entry.getKey() + "\" must be a string, number or boolean, got "
                        + kind(value));
            }
            attributes.put(entry.getKey(), value.asText());
        }
        return attributes;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        JsonLocation location = e.getLocation();
        return location == null ? message : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static UndecodableRecordException undecodable(byte[] json, String problem) {
        return new UndecodableRecordException("cannot decode a JSON document from " + json.length + " bytes: " + problem,
                null);
    }
}
