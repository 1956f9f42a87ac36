package io.glostream.trainer.prepare;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.neighbours.NeighbourReport;
import java.util.List;

/**
 * A bilingual training corpus made ready for GloCTM: the featurizer it was built with (analyzers,
 * vocabularies, neighbour table), the table itself and, per language in layout order, every document with its features.
 */
public record PreparedCorpus(
        Featurizer featurizer,
        NeighbourTable neighbourTable,
        NeighbourReport neighbourReport,
        List<List<RawDocument>> documents,
        List<List<Features>> features) {
}
