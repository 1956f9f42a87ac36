package io.glostream.core.features;

import io.glostream.core.neighbours.NeighbourTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Polyglot augmentation (GloCTM, eq. for x̃ and g): turns a document's bag-of-words in one language
 * into its global input vector over the joint vocabulary, laid out {@code [lang1 block | lang2 block]}
 * whatever the document's language.
 *
 * <p>Every active word {@code w} of the document (count above zero; how often it occurs does not
 * matter) adds 1 at {@code w} and 1 at each of its intra-lingual neighbours in its own language's
 * block, and 1 at each of its cross-lingual neighbours in the other block. Contributions of
 * different words add up, so a word listed as its own intra neighbour gets 2.
 *
 * <p>Thread-safe. Each call allocates only its result and what {@link SparseCounts} needs to build it.
 */
public final class PolyglotAugmenter {

    private final int dimension;
    private final List<String> languages;
    private final int[] vocabularySizes;
    private final Contributions[] byLanguage;
    /** Per-thread scratch for the joint indices of one document: thread-safe without a per-call buffer. */
    private final ThreadLocal<int[]> occurrenceBuffers = ThreadLocal.withInitial(() -> new int[256]);

    public PolyglotAugmenter(NeighbourTable table) {
        languages = table.languages();
        vocabularySizes = new int[] {table.vocabularySize(0), table.vocabularySize(1)};
        dimension = Math.addExact(vocabularySizes[0], vocabularySizes[1]);
        byLanguage = new Contributions[] {
            Contributions.of(table, 0, 0, vocabularySizes[0]),
            Contributions.of(table, 1, vocabularySizes[0], 0),
        };
    }

    /** Size of the joint vocabulary, {@code V1 + V2}: the dimension of every augmented vector. */
    public int dimension() {
        return dimension;
    }

    /**
     * The global input vector g of a document.
     *
     * @param lang the document's language position in the table (0 or 1)
     * @param bow the document's bag-of-words over that language's vocabulary
     * @throws IllegalArgumentException if {@code lang} is not 0 or 1, or the bag-of-words has the
     *     wrong dimension
     */
    public SparseCounts augment(int lang, SparseCounts bow) {
        if (lang != 0 && lang != 1) {
            throw new IllegalArgumentException("language index must be 0 or 1, got " + lang);
        }
        if (bow.dimension() != vocabularySizes[lang]) {
            throw new IllegalArgumentException("bag-of-words has dimension " + bow.dimension()
                    + " but the " + languages.get(lang) + " vocabulary has " + vocabularySizes[lang] + " words");
        }
        Contributions words = byLanguage[lang];
        int needed = 0;
        for (int i = 0; i < bow.nnz(); i++) {
            needed += words.length(bow.indexAt(i));
        }
        int[] occurrences = occurrenceBuffers.get();
        if (occurrences.length < needed) {
            occurrences = new int[Math.max(needed, 2 * occurrences.length)];
            occurrenceBuffers.set(occurrences);
        }
        int length = 0;
        for (int i = 0; i < bow.nnz(); i++) {
            length = words.copyTo(bow.indexAt(i), occurrences, length);
        }
        return SparseCounts.countOccurrences(dimension, occurrences, length);
    }

    /** {@link #augment} of each bag-of-words, in order. */
    public List<SparseCounts> augmentAll(int lang, List<SparseCounts> bows) {
        List<SparseCounts> augmented = new ArrayList<>(bows.size());
        for (SparseCounts bow : bows) {
            augmented.add(augment(lang, bow));
        }
        return augmented;
    }

    /**
     * What each word of one language adds to g: itself, its intra neighbours and its cross
     * neighbours as joint indices, already shifted into their blocks. Word {@code w}'s run is
     * {@code joint[starts[w] .. starts[w + 1])}.
     */
    private record Contributions(int[] starts, int[] joint) {

        static Contributions of(NeighbourTable table, int lang, int ownOffset, int otherOffset) {
            int words = table.vocabularySize(lang);
            int[] starts = new int[words + 1];
            int[][] runs = new int[words][];
            for (int w = 0; w < words; w++) {
                int[] intra = table.intra(lang, w);
                int[] cross = table.cross(lang, w);
                int[] run = new int[1 + intra.length + cross.length];
                run[0] = ownOffset + w;
                for (int i = 0; i < intra.length; i++) {
                    run[1 + i] = ownOffset + intra[i];
                }
                for (int i = 0; i < cross.length; i++) {
                    run[1 + intra.length + i] = otherOffset + cross[i];
                }
                runs[w] = run;
                starts[w + 1] = Math.addExact(starts[w], run.length);
            }
            int[] joint = new int[starts[words]];
            for (int w = 0; w < words; w++) {
                System.arraycopy(runs[w], 0, joint, starts[w], runs[w].length);
            }
            return new Contributions(starts, joint);
        }

        int length(int word) {
            return starts[word + 1] - starts[word];
        }

        /** Appends the word's joint indices to {@code target} at {@code position}; returns the new end. */
        int copyTo(int word, int[] target, int position) {
            int length = length(word);
            System.arraycopy(joint, starts[word], target, position, length);
            return position + length;
        }
    }
}
