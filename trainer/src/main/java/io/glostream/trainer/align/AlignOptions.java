package io.glostream.trainer.align;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code --align-to} and {@code --new-topic-threshold} of {@code fit} and {@code export}. */
public final class AlignOptions {

    @Option(names = "--align-to", paramLabel = "PREVIOUS_BUNDLE",
            description = "Renumber the topics after this bundle's, so each keeps the id of the topic it continues.")
    Path alignTo;

    @Option(names = "--new-topic-threshold", defaultValue = "" + TopicAlignment.DEFAULT_NEW_TOPIC_THRESHOLD,
            paramLabel = "SIMILARITY",
            description = "With --align-to: flag topics less similar than this to their match as new (default: ${DEFAULT-VALUE}).")
    double newTopicThreshold;

    /**
     * The aligner these options ask for, with the previous bundle read and checked now, before any training.
     *
     * @param languages the new model's languages in block order
     * @throws IllegalArgumentException when the previous bundle is for other languages or the threshold is out of range
     * @throws IOException when the previous bundle cannot be read or fails verification
     */
    public BundleAligner load(List<String> languages) throws IOException {
        if (alignTo == null) {
            return BundleAligner.none();
        }
        return BundleAligner.to(PreviousBundle.load(alignTo, languages), newTopicThreshold);
    }
}
