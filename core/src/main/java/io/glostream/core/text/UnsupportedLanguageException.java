package io.glostream.core.text;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A language code for which no analyzer exists; the message lists the supported ones. */
public final class UnsupportedLanguageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnsupportedLanguageException(String lang, Set<String> supported, Map<String, String> aliases) {
        super("unsupported language " + (lang == null ? "null" : "\"" + lang + "\"")
                + "; supported: " + String.join(", ", supported)
                + aliases.entrySet().stream()
                        .map(alias -> alias.getKey() + " for " + alias.getValue())
                        .sorted()
                        .collect(Collectors.joining(", ", " (also accepted: ", ")")));
    }
}
