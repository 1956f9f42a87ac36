package io.glostream.trainer.eval;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What CNPMI needs to know about an aligned reference corpus, for a chosen set of words per language
 * (the topics' top words): the number of pairs (windows), and for each word how often it occurs and in
 * which pairs' document of its language it occurs. Documents are lower-cased and split on whitespace
 * as the official script does ({@link PythonText}); the words themselves are matched as given.
 *
 * <p>One pass over the corpus; memory is one bit per pair per word counted, so 750 words per language
 * over 100,000 pairs take about 19 MB.
 */
public final class ReferenceCounts {

    private final long windows;
    private final Side first;
    private final Side second;

    private ReferenceCounts(long windows, Side first, Side second) {
        this.windows = windows;
        this.first = first;
        this.second = second;
    }

    /**
     * Counts {@code words1} in the first documents and {@code words2} in the second documents of every
     * pair of {@code corpus}.
     */
    public static ReferenceCounts count(AlignedCorpus corpus, Collection<String> words1, Collection<String> words2) {
        SideBuilder first = new SideBuilder(words1);
        SideBuilder second = new SideBuilder(words2);
        long[] pairs = {0};
        corpus.forEachPair((doc1, doc2) -> {
            if (pairs[0] == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("reference corpus has more than " + Integer.MAX_VALUE + " pairs");
            }
            int id = (int) pairs[0]++;
            first.add(id, doc1);
            second.add(id, doc2);
        });
        if (pairs[0] == 0) {
            throw new IllegalArgumentException("reference corpus " + corpus.lang1() + "-" + corpus.lang2() + " has no pairs");
        }
        return new ReferenceCounts(pairs[0], first.build(), second.build());
    }

    /** Number of aligned pairs, each one window. */
    public long windows() {
        return windows;
    }

    /** Counts of the words of the first language, in the first documents. */
    public Side first() {
        return first;
    }

    /** Counts of the words of the second language, in the second documents. */
    public Side second() {
        return second;
    }

    /** Number of pairs whose first document contains {@code word1} and second document {@code word2}. */
    public long coDocuments(String word1, String word2) {
        return DocumentSets.intersectionSize(first.documentSet(word1), second.documentSet(word2));
    }

    /** Counts of one side of the pairs, for the words chosen on that side. */
    public static final class Side {

        private final Map<String, Long> occurrences;
        private final Map<String, long[]> documentSets;

        private Side(Map<String, Long> occurrences, Map<String, long[]> documentSets) {
            this.occurrences = occurrences;
            this.documentSets = documentSets;
        }

        /** Whether {@code word} was among the words counted on this side. */
        public boolean counts(String word) {
            return occurrences.containsKey(word);
        }

        /** Total occurrences of {@code word} over this side's documents. */
        public long occurrences(String word) {
            check(word);
            return occurrences.get(word);
        }

        /** Number of this side's documents that contain {@code word}. */
        public long documents(String word) {
            return DocumentSets.size(documentSet(word));
        }

        long[] documentSet(String word) {
            check(word);
            return documentSets.get(word);
        }

        private void check(String word) {
            if (!occurrences.containsKey(word)) {
                throw new IllegalArgumentException("word '" + word + "' was not counted on this side");
            }
        }
    }

    private static final class SideBuilder {

        private final Map<String, Integer> slots = new HashMap<>();
        private final String[] words;
        private final long[] occurrences;
        private final BitSet[] documents;

        SideBuilder(Collection<String> chosen) {
            for (String word : chosen) {
                if (word == null || word.isEmpty()) {
                    throw new IllegalArgumentException("words to count must be non-empty, got '" + word + "'");
                }
                slots.putIfAbsent(word, slots.size());
            }
            words = new String[slots.size()];
            slots.forEach((word, slot) -> words[slot] = word);
            occurrences = new long[words.length];
            documents = new BitSet[words.length];
            for (int i = 0; i < documents.length; i++) {
                documents[i] = new BitSet();
            }
        }

        void add(int documentId, String text) {
            for (String token : PythonText.lowerCasedTokens(text)) {
                Integer slot = slots.get(token);
                if (slot != null) {
                    occurrences[slot]++;
                    documents[slot].set(documentId);
                }
            }
        }

        Side build() {
            Map<String, Long> occurrenceMap = new HashMap<>();
            Map<String, long[]> documentMap = new HashMap<>();
            for (int slot = 0; slot < words.length; slot++) {
                occurrenceMap.put(words[slot], occurrences[slot]);
                documentMap.put(words[slot], DocumentSets.freeze(documents[slot]));
            }
            return new Side(occurrenceMap, documentMap);
        }
    }
}
