package io.glostream.bench.e2e;

import io.glostream.stream.broker.EmbeddedKafkaBroker;

/** The Kafka broker of a run, with the benchmark's topics created: in this JVM, or in a process of its own. */
public interface BenchBroker extends AutoCloseable {

    /** The {@code host:port} clients connect to. */
    String bootstrapServers();

    /** CPU time the broker's own process has used so far, in nanoseconds; 0 for a broker in this JVM (counted there). */
    long processCpuNanos();

    @Override
    void close();

    /** An {@link EmbeddedKafkaBroker} in this JVM with the topics of {@link BenchTopics#of}. */
    static BenchBroker inProcess(int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            broker.createTopics(BenchTopics.of(partitions));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new BenchBroker() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public long processCpuNanos() {
                return 0;
            }

            @Override
            public void close() {
                broker.close();
            }
        };
    }
}
