package io.glostream.stream.topology;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DocumentTopics;

/** What became of one input record: tagged with topics, or dead-lettered. */
public sealed interface Outcome {

    /** A document tagged with its topics. */
    record Tagged(DocumentTopics topics, int topTopic) implements Outcome {
    }

    /** A record that could not be tagged. */
    record Rejected(DeadLetter deadLetter) implements Outcome {
    }
}
