package io.glostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.features.Features;
import io.glostream.core.model.TopTopics;
import io.glostream.core.model.TopicModel;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.metrics.StreamMetrics;
import io.glostream.stream.model.ModelHolder;
import io.glostream.stream.testing.SampleBundles;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlostreamTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");

    @TempDir
    Path dir;

    private StreamSettings settings;
    private SimpleMeterRegistry registry;
    private ModelHolder models;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> documents;
    private TestOutputTopic<String, DocumentTopics> output;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() throws Exception {
        settings = StreamSettings.of(Map.of("batch.size", "4", "batch.max-wait", "100ms", "text.max-chars", "2000",
                "state.dir", dir.resolve("state").toString()));
        registry = new SimpleMeterRegistry();
        models = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE));
        StreamMetrics metrics = new StreamMetrics(registry);
        driver = new TopologyTestDriver(GlostreamTopology.build(settings, models, metrics),
                GlostreamTopology.streamsProperties(settings, "unused:9092", metrics), T0);
        documents = driver.createInputTopic(settings.documentsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(settings.outputTopic(), new StringDeserializer(),
                GlostreamSerdes.documentTopics().deserializer());
        deadLetters = driver.createOutputTopic(settings.deadLetterTopic(), new StringDeserializer(),
                GlostreamSerdes.deadLetter().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        models.close();
    }

    @Test
    void documentsWaitForTheirBatchUntilTheMaximumWaitPasses() {
        send(doc("a", "en", "stock market shares fell"));
        send(doc("b", "zh", "股市 下跌"));
        assertTrue(output.isEmpty());
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<KeyValue<String, DocumentTopics>> tagged = output.readKeyValuesToList();
        assertEquals(List.of("a", "b"), tagged.stream().map(kv -> kv.key).toList());
    }

    @Test
    void aFullBatchIsTaggedAtOnceInOffsetOrder() {
        for (int i = 0; i < 4; i++) {
            send(doc("d" + i, "en", "government economy trade " + i));
        }
        assertEquals(List.of("d0", "d1", "d2", "d3"), output.readKeyValuesToList().stream().map(kv -> kv.key).toList());
    }

    @Test
    void thetaIsTheModelsInferenceOnTheSameFeaturesAndNamesTheModel() {
        List<Document> batch = List.of(doc("x", "en", "the bank raised interest rates"), doc("y", "zh", "银行 提高 利率"));
        batch.forEach(this::send);
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        try (ModelHolder.Lease lease = models.lease()) {
            TopicModel model = lease.model();
            List<Features> features = batch.stream().map(d -> model.featurizer().featurize(d.getLang(), d.getText())).toList();
            var expected = model.infer(features);
            for (int i = 0; i < batch.size(); i++) {
                DocumentTopics topics = tagged.get(i);
                assertEquals(batch.get(i).getId(), topics.getId());
                assertEquals(SampleBundles.SAMPLE_VERSION, topics.getModelVersion());
                assertArrayEquals(expected.theta(i), toArray(topics.getTheta()));
                assertEquals(features.get(i).bow().tokens(), topics.getTokens());
                assertEquals((float) features.get(i).bow().oovRate(), topics.getOovRate());
                assertEquals(batch.get(i).getTimestamp(), topics.getTimestamp());
                int[] top = TopTopics.of(expected.theta(i), settings.outputTopTopics());
                assertEquals(top.length, topics.getTopTopics().size());
                for (int t = 0; t < top.length; t++) {
                    var weight = topics.getTopTopics().get(t);
                    assertEquals(top[t], weight.getTopic());
                    assertEquals(model.topics().get(top[t]).words("zh", settings.outputTopicWords()),
                            weight.getWords().get("zh"));
                    assertEquals(model.topics().get(top[t]).words("en", settings.outputTopicWords()),
                            weight.getWords().get("en"));
                }
            }
        }
    }

    @Test
    void aDocumentWithoutLanguageIsAnalysedInTheLanguageOfItsScript() {
        send(doc("raw", null, "中国股市今天大幅下跌"));
        send(doc("latin", null, "markets rallied today"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        assertEquals("zh", tagged.get(0).getLang());
        assertEquals("en", tagged.get(1).getLang());
    }

    @Test
    void everyMalformedKindIsDeadLetteredWithItsReasonAndTheOriginalBytes() {
        byte[] garbage = {1, 2, 3, 4, 5};
        documents.pipeInput("k-garbage".getBytes(StandardCharsets.UTF_8), garbage);
        documents.pipeInput("k-null".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        send(doc("empty", "en", ""));
        send(doc("blank", "en", " \n\t "));
        send(doc("long", "en", "word ".repeat(500)));
        send(doc("french", "fr", "bonjour le monde"));
        send(doc("nolang", null, "12345 67890"));
        send(doc("", "en", "an id is missing"));
        send(doc("stopwords", "en", "the of and"));
        driver.advanceWallClockTime(Duration.ofMillis(100));

        List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
        assertEquals(List.of(DeadLetterReason.UNDECODABLE, DeadLetterReason.MISSING_TEXT, DeadLetterReason.EMPTY_TEXT,
                DeadLetterReason.EMPTY_TEXT, DeadLetterReason.TEXT_TOO_LONG, DeadLetterReason.UNSUPPORTED_LANGUAGE,
                DeadLetterReason.UNKNOWN_LANGUAGE, DeadLetterReason.PROCESSING_ERROR, DeadLetterReason.EMPTY_TEXT),
                letters.stream().map(kv -> kv.value.getReason()).toList());
        DeadLetter first = letters.get(0).value;
        assertEquals(settings.documentsTopic(), first.getSourceTopic());
        assertEquals(0, first.getPartition());
        assertEquals(0L, first.getOffset());
        assertArrayEquals(garbage, bytes(first.getOriginal()));
        assertArrayEquals("k-garbage".getBytes(StandardCharsets.UTF_8), bytes(first.getOriginalKey()));
        assertEquals("k-garbage", letters.get(0).key);
        assertEquals(0, bytes(letters.get(1).value.getOriginal()).length);
        for (int i = 0; i < letters.size(); i++) {
            assertEquals(i, letters.get(i).value.getOffset());
            assertTrue(!letters.get(i).value.getMessage().isBlank());
        }
        DeadLetter stopwords = letters.get(8).value;
        assertArrayEquals(GlostreamSerdes.document().serialize("documents", doc("stopwords", "en", "the of and")),
                bytes(stopwords.getOriginal()));
        assertEquals("french", letters.get(5).key);
        assertTrue(output.isEmpty());
        assertEquals(9.0, registry.find("glostream.dead.letters").counters().stream().mapToDouble(c -> c.count()).sum());
    }

    @Test
    void aSwappedModelTagsTheNextBatchAndTheBatchInFlightKeepsItsModel() throws Exception {
        send(doc("before", "en", "stock market"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        models.swap(TopicModel.load(SampleBundles.copyWithVersion(dir.resolve("v2"), "sample-2")));
        send(doc("after", "en", "stock market"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        assertEquals(List.of("sample-1", "sample-2"), tagged.stream().map(DocumentTopics::getModelVersion).toList());
        assertArrayEquals(toArray(tagged.get(0).getTheta()), toArray(tagged.get(1).getTheta()));
    }

    @Test
    void trendsCountDocumentsPerLanguageAndTopTopicInTumblingWindows() {
        send(doc("e1", "en", "stock market shares fell", T0));
        send(doc("e2", "en", "stock market shares fell", T0.plusSeconds(60)));
        send(doc("z1", "zh", "股市 下跌", T0.plusSeconds(120)));
        send(doc("e3", "en", "stock market shares fell", T0.plus(Duration.ofHours(1))));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        int enTopic = tagged.get(0).getTopTopics().get(0).getTopic();
        int zhTopic = tagged.get(2).getTopTopics().get(0).getTopic();

        WindowStore<String, Long> store = driver.getWindowStore(GlostreamTopology.TRENDS_STORE);
        List<String> counts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
            all.forEachRemaining(kv -> counts.add(kv.key.key() + "@" + Instant.ofEpochMilli(kv.key.window().start())
                    + "=" + kv.value));
        }
        counts.sort(null);
        List<String> expected = new ArrayList<>(List.of(
                TrendKeys.of("en", enTopic) + "@2026-11-27T10:00:00Z=2",
                TrendKeys.of("en", enTopic) + "@2026-11-27T11:00:00Z=1",
                TrendKeys.of("zh", zhTopic) + "@2026-11-27T10:00:00Z=1"));
        expected.sort(null);
        assertEquals(expected, counts);
        var trends = driver.createOutputTopic(settings.trendsTopic(),
                org.apache.kafka.streams.kstream.WindowedSerdes.timeWindowedSerdeFrom(String.class, 3_600_000L).deserializer(),
                Serdes.Long().deserializer());
        assertTrue(trends.getQueueSize() > 0);
    }

    @Test
    void documentsInAndOutAreCountedPerLanguage() {
        send(doc("a", "en", "stock market"));
        send(doc("b", "zh", "股市"));
        send(doc("c", "fr", "bourse"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertEquals(1.0, registry.get("glostream.documents.in").tag("lang", "en").counter().count());
        assertEquals(1.0, registry.get("glostream.documents.in").tag("lang", "fr").counter().count());
        assertEquals(1.0, registry.get("glostream.documents.out").tag("lang", "zh").counter().count());
        assertEquals(1L, registry.get("glostream.inference.batch.size").summary().count());
        assertEquals(2.0, registry.get("glostream.inference.batch.size").summary().totalAmount());
        assertNull(registry.find("glostream.documents.out").tag("lang", "fr").counter());
    }

    @Test
    void producersLingerFiveMillisecondsUnlessTheSettingsSayOtherwise() {
        assertEquals(5, lingerOf(Map.of()));
        assertEquals(20, lingerOf(Map.of("kafka.linger.ms", "20")));
        assertEquals(0, lingerOf(Map.of("kafka.producer.linger.ms", "0")));
    }

    private int lingerOf(Map<String, String> values) {
        return Integer.parseInt(String.valueOf(streamsConfig(values).getProducerConfigs("p")
                .get(ProducerConfig.LINGER_MS_CONFIG)));
    }

    @Test
    void theStreamThreadPollsNoLongerThanTheBatchWaitUnlessTheSettingsSayOtherwise() {
        assertEquals(5, streamsConfig(Map.of()).getLong(StreamsConfig.POLL_MS_CONFIG));
        assertEquals(20, streamsConfig(Map.of("batch.max-wait", "20ms")).getLong(StreamsConfig.POLL_MS_CONFIG));
        assertEquals(100, streamsConfig(Map.of("batch.max-wait", "2s")).getLong(StreamsConfig.POLL_MS_CONFIG),
                "never longer than Kafka Streams' own default");
        assertEquals(1, streamsConfig(Map.of("batch.max-wait", "PT0.0005S")).getLong(StreamsConfig.POLL_MS_CONFIG));
        assertEquals(50, streamsConfig(Map.of("kafka.poll.ms", "50")).getLong(StreamsConfig.POLL_MS_CONFIG));
    }

    private StreamsConfig streamsConfig(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("state.dir", dir.resolve("state").toString());
        StreamSettings given = StreamSettings.of(all);
        return new StreamsConfig(GlostreamTopology.streamsProperties(given, "unused:9092",
                new StreamMetrics(new SimpleMeterRegistry())));
    }

    @Test
    void readDelayAndHoldTimeSplitADocumentsTimeInTheApp() {
        send(doc("a", "en", "stock market shares fell", T0.minusMillis(300)));
        driver.advanceWallClockTime(Duration.ofMillis(40));
        send(doc("b", "zh", "股市 下跌", T0.minusMillis(300)));
        send(doc("c", "en", "", T0.minusMillis(300)));
        driver.advanceWallClockTime(Duration.ofMillis(60));

        assertEquals(2, output.readValuesToList().size());
        Timer read = registry.get("glostream.document.read.delay").timer();
        // every record read counts, the dead-lettered empty one too: 300, 340 and 340 ms after their timestamps
        assertEquals(3, read.count());
        assertEquals(980.0, read.totalTime(TimeUnit.MILLISECONDS), 1e-9);
        Timer held = registry.get("glostream.document.hold.time").timer();
        // tagged at the flush, 100 and 60 ms of the test clock after each was read, plus the flush's own real time
        assertEquals(2, held.count());
        assertEquals(100.0, held.max(TimeUnit.MILLISECONDS), 1_000.0);
        assertTrue(held.max(TimeUnit.MILLISECONDS) >= 100.0, "held " + held.max(TimeUnit.MILLISECONDS));
        double minHeld = held.totalTime(TimeUnit.MILLISECONDS) - held.max(TimeUnit.MILLISECONDS);
        assertTrue(minHeld >= 60.0 && minHeld < held.max(TimeUnit.MILLISECONDS) - 39.0, "held " + minHeld);
    }

    @Test
    void everyTaggedDocumentCountsOnceForItsLanguageAndTheTopTopicItIsTaggedWith() {
        send(doc("e1", "en", "stock market shares fell"));
        send(doc("e2", "en", "stock market shares fell"));
        send(doc("z1", "zh", "股市 下跌"));
        send(doc("bad", "fr", "la bourse"));
        driver.advanceWallClockTime(Duration.ofMillis(100));
        List<DocumentTopics> tagged = output.readValuesToList();
        assertEquals(3, tagged.size());
        int enTopic = tagged.get(0).getTopTopics().get(0).getTopic();
        int zhTopic = tagged.get(2).getTopTopics().get(0).getTopic();

        assertEquals(2.0, registry.get("glostream.documents.top.topic").tag("lang", "en")
                .tag("topic", Integer.toString(enTopic)).counter().count());
        assertEquals(1.0, registry.get("glostream.documents.top.topic").tag("lang", "zh")
                .tag("topic", Integer.toString(zhTopic)).counter().count());
        assertEquals(3.0, registry.find("glostream.documents.top.topic").counters().stream()
                .mapToDouble(c -> c.count()).sum());
    }

    private void send(Document document) {
        documents.pipeInput(document.getId().getBytes(StandardCharsets.UTF_8),
                GlostreamSerdes.document().serialize(settings.documentsTopic(), document),
                document.getTimestamp().toEpochMilli());
    }

    private static Document doc(String id, String lang, String text) {
        return doc(id, lang, text, T0);
    }

    private static Document doc(String id, String lang, String text, Instant timestamp) {
        return Document.newBuilder().setId(id).setLang(lang).setText(text).setTimestamp(timestamp)
                .setAttributes(Map.of()).build();
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
