package io.glostream.trainer.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads raw JSONL corpora: one object per line, {@code {"id", "lang", "text", "label"?}}. Blank lines are
 * skipped; anything else that is not a valid document stops the read with {@code file:line: reason}.
 */
public final class JsonlCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlCorpus() {
    }

    /**
     * Reads the documents of {@code path}. {@code expectedLang} (nullable) fills in a missing {@code lang}
     * and refuses documents in another language.
     */
    public static List<RawDocument> read(Path path, String expectedLang) {
        List<RawDocument> docs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = TextFiles.open(path)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                RawDocument doc = parse(line, expectedLang, path, lineNo);
                if (!ids.add(doc.id())) {
                    throw error(path, lineNo, "duplicate id \"" + doc.id() + "\"");
                }
                docs.add(doc);
            }
        } catch (IOException e) {
            throw new CorpusFormatException(path + ": " + e.getMessage(), e);
        }
        if (docs.isEmpty()) {
            throw new CorpusFormatException(path + ": no documents");
        }
        return docs;
    }

    private static RawDocument parse(String line, String expectedLang, Path path, int lineNo) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw error(path, lineNo, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw error(path, lineNo, "expected a JSON object");
        }
        String id = requiredText(node, "id", path, lineNo);
        String text = requiredText(node, "text", path, lineNo);
        String lang = node.hasNonNull("lang") ? node.get("lang").asText() : expectedLang;
        if (lang == null || lang.isBlank()) {
            throw error(path, lineNo, "missing \"lang\"");
        }
        if (expectedLang != null && !expectedLang.equals(lang)) {
            throw error(path, lineNo, "language \"" + lang + "\" where \"" + expectedLang + "\" was expected");
        }
        OptionalInt label = node.hasNonNull("label")
                ? OptionalInt.of(parseLabel(node.get("label"), path, lineNo))
                : OptionalInt.empty();
        return new RawDocument(id, lang, text, label);
    }

    private static int parseLabel(JsonNode l, Path path, int lineNo) {
        if (l.isIntegralNumber() && l.canConvertToInt()) {
            return l.intValue();
        }
        if (l.isTextual()) {
            try {
                return Integer.parseInt(l.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the common message
            }
        }
        throw error(path, lineNo, "\"label\" must be an integer, got " + l);
    }

    private static String requiredText(JsonNode node, String field, Path path, int lineNo) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(path, lineNo, "missing \"" + field + "\"");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw error(path, lineNo, "\"" + field + "\" must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    private static CorpusFormatException error(Path path, int lineNo, String reason) {
        return new CorpusFormatException(path + ":" + lineNo + ": " + reason);
    }
}
