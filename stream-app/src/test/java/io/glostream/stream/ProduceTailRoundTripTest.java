package io.glostream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.stream.examples.ClientExample;
import io.glostream.stream.testing.AppOnSharedKafka;
import io.glostream.stream.testing.AppOnSharedKafka.CliResult;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** produce → stream → tail on the in-process broker, for each input format, and JSON ingress. */
class ProduceTailRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonLinesAreTaggedAndBadLinesReportedInTheSummary() throws Exception {
        String input = """
                {"id":"j1","lang":"en","text":"stock market shares fell"}
                {"id":"j2","text":"银行 提高 利率","attributes":{"source":"wire"}}
                {"id":"j3", "text": oops}
                {"id":"j4","lang":"en","text":"   "}
                """;
        roundTrip("news.jsonl", input, List.of("j1:en", "j2:zh"),
                "; rejected 2 (UNDECODABLE 1, EMPTY_TEXT 1)", "  line 3: UNDECODABLE: cannot decode a JSON document");
    }

    @Test
    void csvRowsWithQuotedCommasAndLineBreaksAreTagged() throws Exception {
        String input = "id,lang,text,source\n"
                + "c1,en,\"markets, stocks and\nshares fell\",wire\n"
                + "c2,zh,股市 下跌,\n"
                + "c3,en,\"unclosed\n";
        roundTrip("feed.csv", input, List.of("c1:en", "c2:zh"),
                "; rejected 1 (UNDECODABLE 1)", "  line 5: UNDECODABLE: malformed CSV: a quoted field is never closed");
    }

    @Test
    void textLinesGetGeneratedIdsAndTheGivenLanguage() throws Exception {
        String input = "stock market shares fell\n\nthe bank raised interest rates\n" + "word ".repeat(30_000) + "\n";
        roundTrip("lines.txt", input, List.of("lines-1:en", "lines-3:en"),
                "; rejected 1 (TEXT_TOO_LONG 1)", "  line 4: TEXT_TOO_LONG: the text has 150000 characters", "--lang", "en");
    }

    @Test
    void jsonIngressTagsJsonDocumentsAndDeadLettersBadOnesWithTheirOriginalText() throws Exception {
        try (AppOnSharedKafka app = AppOnSharedKafka.start(true)) {
            String topic = app.settings().jsonDocumentsTopic().orElseThrow();
            String malformed = "{\"id\":\"bad\",\"text\":";
            try (KafkaProducer<byte[], byte[]> producer = SharedKafka.producer()) {
                producer.send(new ProducerRecord<>(topic, utf8("good"), utf8("{\"id\":\"good\",\"text\":\"股市 下跌\"}")));
                producer.send(new ProducerRecord<>(topic, utf8("bad"), utf8(malformed)));
                producer.flush();
            }
            List<JsonNode> tagged = tail(app, app.settings().outputTopic(), 1);
            assertEquals("good", tagged.get(0).get("id").asText());
            assertEquals("zh", tagged.get(0).get("lang").asText());
            JsonNode letter = tail(app, app.settings().deadLetterTopic(), 1).get(0);
            assertEquals("UNDECODABLE", letter.get("reason").asText());
            assertEquals(topic, letter.get("sourceTopic").asText());
            assertEquals(malformed, letter.get("original").asText());
            assertTrue(letter.get("message").asText().contains("malformed JSON"), letter.toString());
        }
    }

    @Test
    void tailShowsATableAndTheClientExampleReadsItsOwnResults() throws Exception {
        try (AppOnSharedKafka app = AppOnSharedKafka.start(false)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ClientExample.run(SharedKafka.bootstrapServers(), app.settings().documentsTopic(),
                    app.settings().outputTopic(), new PrintStream(printed, true, StandardCharsets.UTF_8));
            List<String> described = printed.toString(StandardCharsets.UTF_8).lines().sorted().toList();
            assertEquals(2, described.size(), described.toString());
            assertTrue(described.get(0).startsWith("example-en [en, model " + SampleBundles.SAMPLE_VERSION + "] "));
            assertTrue(described.get(1).startsWith("example-zh [zh, model " + SampleBundles.SAMPLE_VERSION + "] "));

            CliResult table = app.cli("tail", "--topic", app.settings().outputTopic(), "--from-beginning", "--max", "2",
                    "--format", "table", "--idle-timeout", "60s");
            List<String> lines = table.out().lines().toList();
            assertEquals(0, table.exitCode(), table.err());
            assertEquals(3, lines.size(), table.out());
            assertTrue(lines.get(0).startsWith("id                    lang  model           top topics"), lines.get(0));
            assertTrue(lines.get(1).startsWith("example-en            en    sample-1        "), lines.get(1));
            assertEquals("tail: 2 records from " + app.settings().outputTopic(), table.err().strip());
        }
    }

    /** Produces {@code content} from a file, checks the summary, and tails the tagged ids with their languages. */
    private void roundTrip(String file, String content, List<String> expected, String rejections, String firstRejection,
            String... extra) throws Exception {
        Path input = dir.resolve(file);
        Files.writeString(input, content);
        try (AppOnSharedKafka app = AppOnSharedKafka.start(false)) {
            List<String> args = new ArrayList<>(List.of("produce", "--input", input.toString()));
            args.addAll(List.of(extra));
            CliResult produced = app.cli(args.toArray(String[]::new));
            assertEquals(0, produced.exitCode(), produced.err());
            List<String> summary = produced.out().lines().toList();
            assertTrue(summary.get(0).startsWith("sent " + expected.size() + " documents to "
                    + app.settings().documentsTopic() + " in "), summary.get(0));
            assertTrue(summary.get(0).endsWith(rejections), summary.get(0));
            assertTrue(summary.get(1).startsWith(firstRejection), summary.get(1));

            List<String> tagged = tail(app, app.settings().outputTopic(), expected.size()).stream()
                    .map(json -> json.get("id").asText() + ":" + json.get("lang").asText())
                    .sorted()
                    .toList();
            assertEquals(expected, tagged);
        }
    }

    private static List<JsonNode> tail(AppOnSharedKafka app, String topic, int count) throws IOException {
        CliResult result = app.cli("tail", "--topic", topic, "--from-beginning", "--max", Integer.toString(count),
                "--idle-timeout", "60s");
        assertEquals(0, result.exitCode(), result.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : result.out().lines().toList()) {
            records.add(JSON.readTree(line));
        }
        assertEquals(count, records.size(), result.out());
        for (JsonNode record : records) {
            assertTrue(!record.has("error"), record.toString());
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
