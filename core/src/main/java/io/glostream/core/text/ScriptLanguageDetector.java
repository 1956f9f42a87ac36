package io.glostream.core.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a document's language among a model's languages from the scripts its letters are written in, for
 * documents that arrive without a language. Only the model's languages are candidates, so the question is
 * never "which of 100 languages" but "which of these two": Latin letters mean the model's Latin-script
 * language, kana mean Japanese, Han characters without kana mean Chinese (or Japanese when the model has no
 * Chinese). The script with the most letters that names exactly one candidate wins.
 */
public final class ScriptLanguageDetector {

    private enum Script { LATIN, HAN, KANA, HANGUL, OTHER }

    private final List<String> languages;

    /**
     * @param languages the model's canonical language codes
     */
    public ScriptLanguageDetector(List<String> languages) {
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("a detector needs at least one candidate language");
        }
        this.languages = List.copyOf(languages);
    }

    /** The candidate languages, in the order given. */
    public List<String> languages() {
        return languages;
    }

    /**
     * The candidate language the text's letters are written in, or empty when the text has no letters of
     * any candidate's script.
     */
    public Optional<String> detect(String text) {
        Map<Script, Integer> letters = new EnumMap<>(Script.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) || Character.isIdeographic(cp)) {
                letters.merge(scriptOf(cp), 1, Integer::sum);
            }
        }
        boolean kana = letters.containsKey(Script.KANA);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<Script, Integer> entry : letters.entrySet()) {
            String candidate = languageOf(entry.getKey(), kana);
            if (candidate != null && entry.getValue() > bestCount) {
                best = candidate;
                bestCount = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    private String languageOf(Script script, boolean kana) {
        return switch (script) {
            case LATIN -> candidate("en");
            case KANA -> candidate("ja");
            case HAN -> kana && languages.contains("ja") ? "ja"
                    : languages.contains("zh") ? "zh" : candidate("ja");
            case HANGUL -> candidate("ko");
            case OTHER -> null;
        };
    }

    private String candidate(String code) {
        return languages.contains(code) ? code : null;
    }

    private static Script scriptOf(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case LATIN -> Script.LATIN;
            case HAN -> Script.HAN;
            case HIRAGANA, KATAKANA -> Script.KANA;
            case HANGUL -> Script.HANGUL;
            default -> Script.OTHER;
        };
    }
}
