package io.glostream.core.text;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A language code that glostream, or a given model, does not support; the message lists the supported ones.
 */
public final class UnsupportedLanguageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedLanguageException(String lang, Set<String> supported, Map<String, String> aliases) {
        super("unsupported language " + (lang == null ? "null" : "\"" + lang + "\"")
                + "; supported: " + String.join(", ", supported)
                + (aliases.isEmpty() ? "" : aliases.entrySet().stream()
                        .map(alias -> alias.getKey() + " for " + alias.getValue())
                        .sorted()
                        .collect(Collectors.joining(", ", " (also accepted: ", ")"))));
    }
}
