package io.glostream.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.Tampering;
import io.glostream.core.features.Features;
import io.glostream.core.model.ServableBundle;
import io.glostream.core.model.TopicModel;
import io.glostream.trainer.TrainerCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ServableBundle fixture = new ServableBundle(21);
    private Path bundle;
    private Path input;
    private Path output;

    @BeforeEach
    void writeBundle() throws IOException {
        bundle = fixture.writeTo(dir.resolve("bundle"));
        input = dir.resolve("in.jsonl");
        output = dir.resolve("out.jsonl");
    }

    private CliRun infer(String... lines) throws IOException {
        Files.write(input, List.of(lines), StandardCharsets.UTF_8);
        return CliRun.of("infer", "--model", bundle.toString(), "--input", input.toString(), "--output",
                output.toString());
    }

    private List<JsonNode> results() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void writesThetaAsTheModelInfersItWithVersionTokensAndOovRate() throws IOException {
        CliRun run = infer("{\"id\": \"a\", \"lang\": \"en\", \"text\": \"en1 en2 en2 foo\"}");
        assertEquals(0, run.exitCode(), run.stderr());

        JsonNode record = results().get(0);
        assertEquals("a", record.get("id").asText());
        assertEquals("en", record.get("lang").asText());
        assertEquals("servable-1", record.get("modelVersion").asText());
        assertEquals(4, record.get("tokens").asInt());
        assertEquals(0.25, record.get("oovRate").asDouble());
        try (TopicModel model = TopicModel.load(bundle)) {
            Features features = model.featurizer().featurize("en", "en1 en2 en2 foo");
            float[] theta = model.infer(List.of(features)).theta(0);
            assertEquals(theta.length, record.get("theta").size());
            for (int k = 0; k < theta.length; k++) {
                assertEquals(theta[k], record.get("theta").get(k).floatValue());
            }
        }
    }

    @Test
    void listsTheThreeHeaviestTopicsWithTheirTopWords() throws IOException {
        infer("{\"id\": \"a\", \"lang\": \"zh\", \"text\": \"zh3 zh4\"}");
        JsonNode record = results().get(0);
        JsonNode top = record.get("topTopics");
        assertEquals(3, top.size());
        for (int i = 0; i < 3; i++) {
            int topic = top.get(i).get("topic").asInt();
            assertEquals(record.get("theta").get(topic).asDouble(), top.get(i).get("weight").asDouble());
            assertEquals(fixture.topics().get(topic).words("en").subList(0, 5),
                    JSON.convertValue(top.get(i).at("/words/en"), List.class));
            assertEquals(fixture.topics().get(topic).words("zh").subList(0, 5),
                    JSON.convertValue(top.get(i).at("/words/zh"), List.class));
            if (i > 0) {
                assertTrue(top.get(i - 1).get("weight").asDouble() >= top.get(i).get("weight").asDouble());
            }
        }
    }

    @Test
    void writesAnErrorLineForEachDocumentItCannotProcessAndCountsThem() throws IOException {
        CliRun run = infer(
                "{\"id\": \"ok1\", \"lang\": \"en\", \"text\": \"en1\"}",
                "{\"id\": \"fr\", \"lang\": \"fr\", \"text\": \"bonjour\"}",
                "{\"id\": \"blank\", \"lang\": \"en\", \"text\": \"  \"}",
                "{not json",
                "{\"lang\": \"en\", \"text\": \"en1\"}",
                "{\"id\": \"nolang\", \"text\": \"12345 67\"}",
                "",
                "{\"id\": \"ok2\", \"lang\": \"cn\", \"text\": \"zh1\"}");
        assertEquals(0, run.exitCode(), run.stderr());

        List<JsonNode> records = results();
        assertEquals(7, records.size());
        assertEquals("ok1", records.get(0).get("id").asText());
        assertError(records.get(1), "fr", 2, "unknown language 'fr'; the model has [en, zh]");
        assertError(records.get(2), "blank", 3, "empty text");
        assertTrue(records.get(3).get("id").isNull());
        assertEquals(4, records.get(3).get("line").asInt());
        assertTrue(records.get(3).get("error").asText().startsWith("malformed JSON: "));
        assertError(records.get(4), null, 5, "no \"id\"");
        assertError(records.get(5), "nolang", 6, "no \"lang\", no --lang, and no letters in a script of [en, zh]");
        assertEquals("ok2", records.get(6).get("id").asText());
        assertEquals("zh", records.get(6).get("lang").asText());
        assertEquals("inferred 2 documents, 5 failed; results in " + output, run.stdout().strip());
    }

    @Test
    void aLineWithoutLangIsAnalysedInTheLanguageOfItsScript() throws IOException {
        infer("{\"id\": \"latin\", \"text\": \"en1 en2\"}");
        JsonNode record = results().get(0);
        assertEquals("en", record.get("lang").asText());
        assertTrue(record.get("tokens").asInt() > 0);
    }

    @Test
    void aDocumentWithoutTokensAfterAnalysisIsAnError() throws IOException {
        infer("{\"id\": \"p\", \"lang\": \"en\", \"text\": \"!!! ...\"}");
        assertError(results().get(0), "p", 1, "no tokens after analysis");
    }

    @Test
    void langOptionFillsInLinesWithoutLang() throws IOException {
        Files.write(input, List.of("{\"id\": \"x\", \"text\": \"zh2\"}"));
        CliRun run = CliRun.of("infer", "--model", bundle.toString(), "--input", input.toString(), "--output",
                output.toString(), "--lang", "zh");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("zh", results().get(0).get("lang").asText());
    }

    /** ONNX Runtime's GEMM blocks by batch size, so theta may differ in the last float bit, no more. */
    @Test
    void batchSizeChangesNeitherTheOrderNorThetaBeyondFloatRounding() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String lang = i % 2 == 0 ? "en" : "zh";
            String text = i % 4 == 3 ? "" : lang + (i % 9) + " " + lang + "1";
            lines.add("{\"id\": \"d" + i + "\", \"lang\": \"" + lang + "\", \"text\": \"" + text + "\"}");
        }
        Files.write(input, lines);
        assertEquals(0, CliRun.of("infer", "--model", bundle.toString(), "--input", input.toString(), "--output",
                output.toString(), "--batch", "3").exitCode());
        List<JsonNode> byThree = results();
        assertEquals(0, CliRun.of("infer", "--model", bundle.toString(), "--input", input.toString(), "--output",
                output.toString(), "--batch", "64").exitCode());
        List<JsonNode> byAll = results();

        assertEquals(10, byThree.size());
        for (int i = 0; i < 10; i++) {
            assertEquals("d" + i, byThree.get(i).get("id").asText());
            assertEquals("d" + i, byAll.get(i).get("id").asText());
            assertEquals(i % 4 == 3, byThree.get(i).has("error"));
            for (int k = 0; !byThree.get(i).has("error") && k < ServableBundle.TOPICS; k++) {
                assertEquals(byAll.get(i).get("theta").get(k).asDouble(), byThree.get(i).get("theta").get(k).asDouble(),
                        1e-6);
            }
        }
    }

    @Test
    void refusesATamperedBundleAndWritesNoOutput() throws IOException {
        Tampering.flipByte(bundle.resolve(BundleLayout.TOPICS_FILE), 5);
        CliRun run = infer("{\"id\": \"a\", \"lang\": \"en\", \"text\": \"en1\"}");
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("glostream-trainer infer: topics.json: sha256 mismatch (tampered or truncated)",
                run.stderr().strip());
        assertFalse(Files.exists(output));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    void refusesAMissingInputFile() {
        CliRun run = CliRun.of("infer", "--model", bundle.toString(), "--input", dir.resolve("none.jsonl").toString(),
                "--output", output.toString());
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode());
        assertEquals("glostream-trainer infer: --input " + dir.resolve("none.jsonl") + ": no such file",
                run.stderr().strip());
    }

    private static void assertError(JsonNode record, String id, int line, String error) {
        if (id == null) {
            assertTrue(record.get("id").isNull(), record.toString());
        } else {
            assertEquals(id, record.get("id").asText());
        }
        assertEquals(line, record.get("line").asInt());
        assertEquals(error, record.get("error").asText());
        assertFalse(record.has("theta"));
    }
}
