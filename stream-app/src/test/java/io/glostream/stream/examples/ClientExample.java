package io.glostream.stream.examples;

import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.client.Documents;
import io.glostream.schemas.client.GlostreamClient;
import io.glostream.schemas.client.Results;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The README's client example: sends an English and a Chinese document with glostream's client API and prints
 * their topics when the app has tagged them. It needs only the schemas module; run it as a single source file
 * against a running app, e.g.
 * {@code java -cp stream-app/target/glostream-stream.jar stream-app/src/test/java/io/glostream/stream/examples/ClientExample.java localhost:9092}.
 */
public final class ClientExample {

    private ClientExample() {
    }

    public static void main(String[] args) throws Exception {
        String servers = args.length > 0 ? args[0] : "localhost:9092";
        run(servers, "documents", "document-topics", System.out);
    }

    /** Sends the two documents to {@code documentsTopic} and prints their results from {@code outputTopic}. */
    public static void run(String servers, String documentsTopic, String outputTopic, PrintStream out) throws Exception {
        List<Document> documents = List.of(
                Documents.of("example-en", "en", "The central bank raised interest rates as stock markets fell"),
                Documents.of("example-zh", "zh", "央行提高利率，股市下跌"));
        try (KafkaProducer<String, Document> producer = GlostreamClient.documentProducer(
                Map.of("bootstrap.servers", servers))) {
            for (Document document : documents) {
                GlostreamClient.send(producer, documentsTopic, document).get();
            }
        }
        Set<String> waiting = new HashSet<>(List.of("example-en", "example-zh"));
        try (KafkaConsumer<String, DocumentTopics> consumer = GlostreamClient.documentTopicsConsumer(Map.of(
                "bootstrap.servers", servers,
                "group.id", "glostream-client-example-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"))) {
            consumer.subscribe(List.of(outputTopic));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DocumentTopics> record : consumer.poll(Duration.ofMillis(200))) {
                    if (waiting.remove(record.key())) {
                        out.println(Results.describe(record.value(), 5));
                    }
                }
            }
        }
        if (!waiting.isEmpty()) {
            out.println("no result within a minute for " + waiting + ": is the app running on " + servers + "?");
        }
    }
}
