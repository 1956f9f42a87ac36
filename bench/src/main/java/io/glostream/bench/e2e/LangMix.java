package io.glostream.bench.e2e;

import java.util.Locale;

/** Which languages the benchmark stream carries: English and Chinese alternating, or one of them alone. */
public enum LangMix {
    MIXED, EN, ZH;

    /** The name used on the command line and in results: {@code mixed}, {@code en} or {@code zh}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the text when it is none of mixed, en, zh
     */
    public static LangMix parse(String text) {
        for (LangMix mix : values()) {
            if (mix.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return mix;
            }
        }
        throw new IllegalArgumentException("--lang-mix '" + text + "' must be mixed, en or zh");
    }
}
