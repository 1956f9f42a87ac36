package io.glostream.trainer.neighbours;

import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import java.util.Map;

/**
 * {@code --neighbours 0}: a table in which no word has a neighbour, so polyglot augmentation reduces the global
 * input to the presence of the document's own words in its language's block. This is the "no augmentation"
 * ablation: the model keeps its global encoder, shared decoder and losses, and loses only the cross-lingual
 * (and intra-lingual) word links. Neither the dictionary nor the word vectors are used.
 */
public final class NoNeighbours {

    /** What the report and manifest name as the cross-lingual method. */
    public static final String NONE = "none (--neighbours 0: no polyglot augmentation)";

    private NoNeighbours() {
    }

    public static BuiltNeighbours build(DictionaryLedNeighbours.Side lang1, DictionaryLedNeighbours.Side lang2) {
        NeighbourTable table = NeighbourTable.of(0, empty(lang1.lang(), lang1.vocabulary().size()),
                empty(lang2.lang(), lang2.vocabulary().size()));
        Map<String, Double> notMeasured = Map.of(lang1.lang(), Double.NaN, lang2.lang(), Double.NaN);
        return new BuiltNeighbours(table, new NeighbourReport(NONE, notMeasured, notMeasured, 0, 0, Double.NaN));
    }

    private static LanguageNeighbours empty(String lang, int words) {
        int[][] none = new int[words][0];
        return new LanguageNeighbours(lang, none, none);
    }
}
