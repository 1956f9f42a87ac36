package io.glostream.stream.topology;

/** Keys of the topic-trends counts: a language and a topic id, written {@code lang:topic}. */
public final class TrendKeys {

    private TrendKeys() {
    }

    public static String of(String lang, int topic) {
        return lang + ":" + topic;
    }

    /** The language of a key. */
    public static String lang(String key) {
        return key.substring(0, separator(key));
    }

    /** The topic id of a key. */
    public static int topic(String key) {
        return Integer.parseInt(key.substring(separator(key) + 1));
    }

    private static int separator(String key) {
        int colon = key.lastIndexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("'" + key + "' is not a trend key (lang:topic)");
        }
        return colon;
    }
}
