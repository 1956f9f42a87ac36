package io.glostream.trainer.corpus;

import java.util.Objects;
import java.util.OptionalInt;

/** One training document as it arrives: raw text in a known language, with an optional class label. */
public record RawDocument(String id, String lang, String text, OptionalInt label) {

    public RawDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
