package io.glostream.core.neighbours;

import java.util.Objects;

/**
 * The neighbour rows of one language, as handed to {@link NeighbourTable#of}: row {@code w} of
 * {@code intra} lists vocabulary indices of this language, row {@code w} of {@code cross} lists
 * vocabulary indices of the other language. Both have one row per vocabulary word.
 */
public record LanguageNeighbours(String language, int[][] intra, int[][] cross) {

    public LanguageNeighbours {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intra, "intra rows");
        Objects.requireNonNull(cross, "cross rows");
    }
}
