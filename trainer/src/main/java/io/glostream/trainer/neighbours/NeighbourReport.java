package io.glostream.trainer.neighbours;

import java.util.Map;

/**
 * What building a neighbour table found, for the training report and the bundle manifest.
 *
 * @param crossLingual how the cross-lingual neighbours were chosen ({@link #DICTIONARY_LED} or {@link #ALIGNED_COSINE})
 * @param dictionaryCoverage per language, the share of its vocabulary with a translation in the other vocabulary
 *     (NaN when no dictionary was used)
 * @param vectorCoverage per language, the share of its vocabulary with a word vector
 * @param dictionaryPairs dictionary pairs with vectors on both sides
 * @param heldOutWords foreign words whose precision@1 was measured
 * @param heldOutPrecisionAt1 share of those whose nearest English word in the shared space is a translation: on
 *     words held out of the Procrustes fit (dictionary-led), or on every dictionary word (aligned vectors, which
 *     were not fitted to the dictionary); NaN when not measured
 */
public record NeighbourReport(
        String crossLingual,
        Map<String, Double> dictionaryCoverage,
        Map<String, Double> vectorCoverage,
        int dictionaryPairs,
        int heldOutWords,
        double heldOutPrecisionAt1) {

    /** The offline default: translations lead, ranked in a Procrustes-aligned space of monolingual vectors. */
    public static final String DICTIONARY_LED = "dictionary-led, ranked in a Procrustes-aligned space";
    /** {@code --aligned-vectors}: plain cosine over vectors already sharing one space, as the paper does. */
    public static final String ALIGNED_COSINE = "cosine over the given cross-lingually aligned vectors";

    public NeighbourReport {
        dictionaryCoverage = Map.copyOf(dictionaryCoverage);
        vectorCoverage = Map.copyOf(vectorCoverage);
    }
}
