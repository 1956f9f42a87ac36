package io.glostream.stream.demo;

import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.TopicWeight;
import io.glostream.stream.StreamApp;
import io.glostream.stream.ops.TopicTrend;
import io.glostream.stream.ops.TrendsReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's traffic: sends the documents and a few malformed records to a running app, reads every
 * result back (read-committed, as a consumer of an exactly-once app should), and prints examples and a
 * summary: throughput, dead letters by reason and the top trends across languages.
 */
public final class DemoRun {

    private static final int EXAMPLES = 6;
    private static final AvroSerde<Document> DOCUMENTS = GlostreamSerdes.document();

    private final StreamApp app;
    private final PrintWriter out;

    public DemoRun(StreamApp app, PrintWriter out) {
        this.app = app;
        this.out = out;
    }

    /** The malformed records every demo sends, one per kind the dead-letter topic distinguishes. */
    public static List<ProducerRecord<byte[], byte[]>> malformed(String topic, int maxTextChars) {
        Instant now = Instant.now();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(topic, bytes("bad-bytes"), new byte[] {0x42, 0x00, 0x13, 0x37}));
        records.add(new ProducerRecord<>(topic, bytes("bad-empty"), document("bad-empty", "en", "   ", now)));
        records.add(new ProducerRecord<>(topic, bytes("bad-long"), document("bad-long", "en", "word ".repeat(maxTextChars / 5 + 1), now)));
        records.add(new ProducerRecord<>(topic, bytes("bad-lang"), document("bad-lang", "fr", "la bourse a chuté", now)));
        records.add(new ProducerRecord<>(topic, bytes("bad-script"), document("bad-script", null, "2026-11-27 12:00", now)));
        records.add(new ProducerRecord<>(topic, bytes("bad-null"), null));
        return records;
    }

    /**
     * Sends {@code docs} and the malformed records, waits for as many results, prints them.
     *
     * @return the number of results read (tagged plus dead letters)
     */
    public long run(List<DemoCorpus.Text> docs, Duration timeout) throws Exception {
        String input = app.settings().documentsTopic();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant now = Instant.now();
        for (DemoCorpus.Text doc : docs) {
            records.add(new ProducerRecord<>(input, bytes(doc.id()), document(doc.id(), doc.lang(), doc.text(), now)));
        }
        records.addAll(malformed(input, app.settings().maxTextChars()));
        Map<String, String> texts = new HashMap<>();
        docs.forEach(doc -> texts.put(doc.id(), doc.text()));

        long start = System.nanoTime();
        Map<String, Object> producerConfig = new HashMap<>(app.clientSettings());
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
        out.printf("sent %,d documents (%d without a language, Chinese without segmentation spaces) and %d malformed records%n",
                docs.size(), docs.stream().filter(d -> d.lang() == null).count(), records.size() - docs.size());
        out.flush();

        List<DocumentTopics> tagged = new ArrayList<>();
        Map<DeadLetterReason, Integer> deadLetters = new EnumMap<>(DeadLetterReason.class);
        Map<String, Object> consumerConfig = new HashMap<>(app.clientSettings());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "glostream-demo-" + System.nanoTime());
        AvroSerde<DocumentTopics> topicsSerde = GlostreamSerdes.documentTopics();
        AvroSerde<DeadLetter> deadLetterSerde = GlostreamSerdes.deadLetter();
        long deadline = System.nanoTime() + timeout.toNanos();
        int results = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(app.settings().outputTopic(), app.settings().deadLetterTopic()));
            while (results < records.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    results++;
                    if (record.topic().equals(app.settings().outputTopic())) {
                        tagged.add(topicsSerde.deserialize(record.topic(), record.value()));
                    } else {
                        DeadLetter letter = deadLetterSerde.deserialize(record.topic(), record.value());
                        deadLetters.merge(letter.getReason(), 1, Integer::sum);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        out.println();
        out.println("examples (document -> top topic, weight, its words in every language):");
        for (DocumentTopics topics : tagged.subList(0, Math.min(EXAMPLES, tagged.size()))) {
            TopicWeight top = topics.getTopTopics().get(0);
            out.printf("  %-6s [%s] %s%n", topics.getId(), topics.getLang(), snippet(texts.get(topics.getId())));
            out.printf("         -> topic %d (%.2f) %s%n", top.getTopic(), top.getWeight(), top.getLabel());
        }
        out.println();
        out.printf(Locale.ROOT, "tagged %,d documents and dead-lettered %d records in %.1f s (%,.0f docs/s end to end, "
                + "model %s)%n", tagged.size(), deadLetters.values().stream().mapToInt(Integer::intValue).sum(), seconds,
                results / seconds, app.models().version());
        out.println("dead letters by reason: " + deadLetters);
        if (results < records.size()) {
            out.printf("only %d of %d results arrived within %s%n", results, records.size(), timeout);
        }
        TrendsReport trends = trendsCounting(tagged.size(), deadline);
        out.printf("top trends of the last hour, across languages (%d documents):%n", trends.documents());
        for (TopicTrend trend : trends.topics().subList(0, Math.min(5, trends.topics().size()))) {
            out.printf("  topic %2d  %5d docs  %s%n", trend.topic(), trend.count(), trend.label());
        }
        app.httpPort().ifPresent(port -> out.printf(
                "while it runs: curl localhost:%d/metrics, /health, /ready, /trends?lang=zh&window=1h%n", port));
        out.flush();
        return results;
    }

    private static String snippet(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * The last hour's trends once they count every tagged document, or as they stand at the deadline: they are
     * counted behind a repartition topic, so they trail the results by up to a commit interval.
     */
    private TrendsReport trendsCounting(long tagged, long deadline) throws InterruptedException {
        TrendsReport trends = app.trends().trends(Optional.empty(), Duration.ofHours(1));
        while (trends.documents() < tagged && System.nanoTime() < deadline) {
            Thread.sleep(50);
            trends = app.trends().trends(Optional.empty(), Duration.ofHours(1));
        }
        return trends;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] document(String id, String lang, String text, Instant timestamp) {
        return DOCUMENTS.serialize("documents", Document.newBuilder().setId(id).setLang(lang)
                .setText(text).setTimestamp(timestamp).setAttributes(Map.of("source", "demo")).build());
    }
}
