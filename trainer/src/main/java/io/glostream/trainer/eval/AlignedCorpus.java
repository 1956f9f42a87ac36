package io.glostream.trainer.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A reference corpus of aligned document pairs in two languages (for CNPMI: comparable Wikipedia
 * articles), read one pair at a time so that a corpus of any size passes through memory once.
 */
public interface AlignedCorpus {

    /** Language of the first document of each pair. */
    String lang1();

    /** Language of the second document of each pair. */
    String lang2();

    /**
     * Visits every pair in corpus order with the raw text of its two documents (tokens separated by
     * whitespace).
     *
     * @throws java.io.UncheckedIOException if the corpus cannot be read
     */
    void forEachPair(BiConsumer<String, String> visitor);

    /** A corpus held in memory: {@code docs1.get(i)} is aligned with {@code docs2.get(i)}. */
    static AlignedCorpus of(String lang1, String lang2, List<String> docs1, List<String> docs2) {
        Objects.requireNonNull(lang1, "lang1");
        Objects.requireNonNull(lang2, "lang2");
        if (docs1.size() != docs2.size()) {
            throw new IllegalArgumentException(lang1 + " has " + docs1.size() + " documents but " + lang2 + " has "
                    + docs2.size() + "; pairs must be aligned line by line");
        }
        List<String> first = List.copyOf(docs1);
        List<String> second = List.copyOf(docs2);
        return new AlignedCorpus() {
            @Override
            public String lang1() {
                return lang1;
            }

            @Override
            public String lang2() {
                return lang2;
            }

            @Override
            public void forEachPair(BiConsumer<String, String> visitor) {
                for (int i = 0; i < first.size(); i++) {
                    visitor.accept(first.get(i), second.get(i));
                }
            }
        };
    }
}
