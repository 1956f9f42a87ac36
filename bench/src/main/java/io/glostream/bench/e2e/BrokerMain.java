package io.glostream.bench.e2e;

import io.glostream.stream.broker.EmbeddedKafkaBroker;
import java.io.IOException;

/**
 * The broker process of {@code e2e --broker-process}: starts an {@link EmbeddedKafkaBroker} with the benchmark's
 * topics, prints {@value #READY_PREFIX}{@code host:port} on standard output, and stops when its standard input
 * closes (so it never outlives the harness that started it).
 *
 * <p>Argument: the partition count of the topics.
 */
public final class BrokerMain {

    /** Start of the line that announces the bootstrap address. */
    public static final String READY_PREFIX = "bootstrap.servers=";

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain PARTITIONS");
            System.exit(2);
        }
        int partitions = Integer.parseInt(args[0]);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(BenchTopics.of(partitions));
            System.out.println(READY_PREFIX + broker.bootstrapServers());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Only the end of input matters: the harness closes the pipe (or dies) when the run is over.
            }
        }
    }
}
