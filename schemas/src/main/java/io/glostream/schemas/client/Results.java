package io.glostream.schemas.client;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.TopicWeight;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading the app's output: the words of a tagged document's topics and the original record of a dead letter. */
public final class Results {

    private Results() {
    }

    /**
     * One line naming the document, its language, the model and its top topics with their words in every
     * language, e.g. {@code d1 [en, model sample-1] 4 (0.62): market ceo company / 公司 基金 投资}.
     *
     * @param wordsPerLanguage how many of each topic's words to show per language (at least 1)
     */
    public static String describe(DocumentTopics topics, int wordsPerLanguage) {
        if (wordsPerLanguage < 1) {
            throw new IllegalArgumentException("wordsPerLanguage must be at least 1, got " + wordsPerLanguage);
        }
        List<String> parts = new ArrayList<>();
        for (TopicWeight topic : topics.getTopTopics()) {
            parts.add(String.format(Locale.ROOT, "%d (%.2f): %s", topic.getTopic(), topic.getWeight(),
                    words(topic, wordsPerLanguage)));
        }
        return topics.getId() + " [" + topics.getLang() + ", model " + topics.getModelVersion() + "] "
                + String.join("; ", parts);
    }

    /** A topic's first {@code perLanguage} words in each language, languages in their map order, joined by " / ". */
    public static String words(TopicWeight topic, int perLanguage) {
        List<String> languages = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : topic.getWords().entrySet()) {
            List<String> words = entry.getValue();
            languages.add(String.join(" ", words.subList(0, Math.min(perLanguage, words.size()))));
        }
        return String.join(" / ", languages);
    }

    /** The bytes of the record that was dead-lettered, exactly as they arrived. */
    public static byte[] original(DeadLetter deadLetter) {
        ByteBuffer copy = deadLetter.getOriginal().duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /**
     * The original record as text, when its bytes are well-formed UTF-8 without control characters other than
     * tab and line breaks (a JSON document, a line of text); empty for binary values such as Avro.
     */
    public static Optional<String> originalText(DeadLetter deadLetter) {
        byte[] bytes = original(deadLetter);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }
}
