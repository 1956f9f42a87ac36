package io.glostream.stream.produce;

import io.glostream.schemas.Document;
import io.glostream.stream.topology.DocumentRules;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends what a {@link DocumentReader} reads to the documents topic: each document checked by the app's
 * {@link DocumentRules} first (a failing one is rejected, not sent), keyed by its id with its timestamp as the
 * record time, at most at the given rate.
 */
public final class DocumentPublisher {

    private final Producer<String, Document> producer;
    private final String topic;
    private final int maxTextChars;
    private final Rate rate;

    /** @param rate the most documents per second, or null for as fast as the cluster takes them */
    public DocumentPublisher(Producer<String, Document> producer, String topic, int maxTextChars, Rate rate) {
        this.producer = producer;
        this.topic = topic;
        this.maxTextChars = maxTextChars;
        this.rate = rate;
    }

    /**
     * Reads {@code reader} to its end, sends its documents and waits until every send is acknowledged or failed.
     *
     * @param linesRead called after each record with the lines the reader has consumed so far
     */
    public ProduceSummary publish(DocumentReader reader, LongConsumer linesRead) throws IOException {
        ProduceSummary summary = new ProduceSummary();
        long start = System.nanoTime();
        long sending = 0;
        InputRecord record;
        while ((record = reader.next()) != null) {
            Optional<DocumentRules.Violation> violation = record.isAccepted()
                    ? DocumentRules.check(record.document(), maxTextChars) : Optional.empty();
            if (!record.isAccepted()) {
                summary.rejected(record);
            } else if (violation.isPresent()) {
                summary.rejected(InputRecord.rejected(record.line(), violation.get().reason(), violation.get().message()));
            } else {
                if (rate != null) {
                    waitUntil(start + rate.offsetNanos(sending));
                }
                send(record.document(), summary);
                sending++;
            }
            linesRead.accept(reader.linesRead());
        }
        producer.flush();
        summary.finished(Duration.ofNanos(System.nanoTime() - start));
        return summary;
    }

    private void send(Document document, ProduceSummary summary) {
        ProducerRecord<String, Document> record = new ProducerRecord<>(topic, null,
                document.getTimestamp().toEpochMilli(), document.getId(), document);
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                summary.acknowledged();
            } else {
                summary.failed(error);
            }
        });
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
