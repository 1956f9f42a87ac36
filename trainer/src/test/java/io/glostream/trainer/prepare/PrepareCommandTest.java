package io.glostream.trainer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.TrainerCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job of the foundation: {@code prepare} on the committed sample, and its refusals. */
class PrepareCommandTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return TrainerCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    @Test
    void preparesTheCommittedSample() throws IOException {
        assertEquals(0, run("prepare", "--data", SAMPLE.toString(), "--out", out.toString()), stderr.toString());

        Vocabulary en = Vocabulary.load(out.resolve("vocab-en.txt"));
        Vocabulary zh = Vocabulary.load(out.resolve("vocab-zh.txt"));
        NeighbourTable table = NeighbourTable.load(out, "en", "zh", en.size(), zh.size(), 3);
        assertTrue(en.size() > 500 && zh.size() > 500, "sample vocabularies: " + en.size() + ", " + zh.size());
        assertEquals(3, table.cross(0, en.indexOf("football")).length);

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("report");
        assertEquals(420, report.at("/perLanguage/en/documents").asInt());
        assertEquals(420, report.at("/perLanguage/zh/documents").asInt());
        assertTrue(report.at("/perLanguage/zh/dictionaryCoverage").asDouble() > 0.5);
        assertTrue(report.get("heldOutPrecisionAt1").asDouble() > 0.05,
                "the aligned space beats chance (1/" + en.size() + ") by far");
        assertTrue(stdout.toString().contains("cross-lingual neighbours: dictionary-led, ranked in a Procrustes-aligned space"),
                stdout.toString());
        assertTrue(stdout.toString().contains("precision@1 of the shared space"), stdout.toString());
    }

    @Test
    void pretokenizedKeepsTheSamplesOwnSegmentation() throws IOException {
        assertEquals(0, run("prepare", "--pretokenized", "--data", SAMPLE.toString(), "--out", out.toString()),
                stderr.toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        // every sample token is a benchmark vocabulary word, and the sample ships a vector for each
        assertEquals(1.0, json.at("/report/perLanguage/zh/vectorCoverage").asDouble());
        assertTrue(json.at("/analyzers/zh/pretokenized").asBoolean());
    }

    @Test
    void refusesASingleLanguageInOneLine() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", SAMPLE.toString(), "--langs", "en",
                "--out", out.toString()));
        assertEquals("glostream-trainer prepare: --langs needs two different languages, got [en]",
                stderr.toString().strip());
    }

    @Test
    void refusesAMissingDataDirectory() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", out.resolve("nope").toString()));
        assertTrue(stderr.toString().strip().endsWith("nope is not a directory"), stderr.toString());
    }

    @Test
    void refusesACorruptCorpusNamingFileAndLine() throws IOException {
        Path data = out.resolve("data");
        Files.createDirectories(data);
        for (String f : new String[] {"zh.jsonl", "vectors-en.vec.gz", "vectors-zh.vec.gz", "dict-zh-en.tsv.gz"}) {
            Files.copy(SAMPLE.resolve(f), data.resolve(f));
        }
        Files.writeString(data.resolve("en.jsonl"), "{\"id\":\"1\",\"text\":\"fine\"}\n{\"id\":\"2\"\n");
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", data.toString(), "--out", out.toString()));
        String err = stderr.toString().strip();
        assertTrue(err.contains("en.jsonl:2: not valid JSON ("), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace");
    }

    @Test
    void refusesAnUnsupportedLanguage() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", SAMPLE.toString(), "--langs", "en,fr",
                "--out", out.toString()));
        assertTrue(stderr.toString().contains("unsupported language \"fr\""), stderr.toString());
    }
}
