package io.glostream.schemas.client;

import io.glostream.schemas.Document;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link Document}s a producer sends to the documents topic, with the defaults the stream app
 * expects: no language means "detect it from the script", no timestamp means now, no attributes means none.
 */
public final class Documents {

    private Documents() {
    }

    /**
     * A document written now, without attributes.
     *
     * @param lang ISO 639-1 code, or null to let the app detect the language from the script
     * @throws IllegalArgumentException if {@code id} is blank or {@code text} is null
     */
    public static Document of(String id, String lang, String text) {
        return of(id, lang, text, Instant.now(), Map.of());
    }

    /**
     * A document with every field given.
     *
     * @param lang ISO 639-1 code, or null to let the app detect the language from the script
     * @param attributes free-form metadata passed through untouched (copied)
     * @throws IllegalArgumentException if {@code id} is blank, {@code text}, {@code timestamp} or {@code attributes}
     *     is null, or {@code lang} is given but blank
     */
    public static Document of(String id, String lang, String text, Instant timestamp, Map<String, String> attributes) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a document needs a non-blank id");
        }
        if (text == null) {
            throw new IllegalArgumentException("document " + id + " needs a text");
        }
        if (lang != null && lang.isBlank()) {
            throw new IllegalArgumentException("document " + id + ": lang is blank; give a code such as en, or null to detect it");
        }
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(attributes, "attributes");
        return Document.newBuilder()
                .setId(id)
                .setLang(lang)
                .setText(text)
                .setTimestamp(timestamp)
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
    }
}
