package io.glostream.trainer.neighbours;

import io.glostream.core.neighbours.NeighbourTable;

/** A neighbour table with the report of how it was built. */
public record BuiltNeighbours(NeighbourTable table, NeighbourReport report) {
}
