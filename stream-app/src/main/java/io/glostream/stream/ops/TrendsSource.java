package io.glostream.stream.ops;

import java.time.Duration;
import java.util.Optional;

/** Where the ops server's {@code /trends} endpoint reads topic trends from (the topology's queryable store). */
public interface TrendsSource {

    /**
     * The topic counts of the last {@code lookback}, ending now.
     *
     * @param lang     only documents of this language (ISO 639-1), or all languages when empty
     * @param lookback how far back from now to count; positive
     * @throws RuntimeException when the trends cannot be read now (for example a Kafka Streams
     *                          {@code InvalidStateStoreException} while the store is rebalancing): the
     *                          server answers 503 with its message
     */
    TrendsReport trends(Optional<String> lang, Duration lookback);
}
