package io.glostream.trainer.prepare;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.TrainerCli;
import io.glostream.trainer.neighbours.NeighbourReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare --aligned-vectors} on a tiny JSONL corpus with hand-made aligned .npy vectors and no
 * dictionary: animals near (1, 0, 0), vehicles near (0, 0, 1).
 */
class AlignedVectorsPrepareTest {

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return TrainerCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    @BeforeEach
    void writeCorpus() throws IOException {
        jsonl("en", "cat dog", "car bus", "dog cat car", "bus car");
        jsonl("zh", "猫 狗", "车", "狗 猫 车", "车 猫");
        Files.write(dir.resolve("en.npy"), npy("<f4", "4, 3", floats(1, 0.1f, 0, 0.8f, 0.6f, 0, 0, 0, 1, 0, 0.2f, 1)));
        Files.writeString(dir.resolve("en.vocab"), "cat\ndog\ncar\nbus\n");
        Files.write(dir.resolve("zh.npy"), npy("<f4", "3, 3", floats(1, 0, 0, 0.7f, 0.7f, 0, 0, 0, 1)));
        Files.writeString(dir.resolve("zh.txt"), "猫\n狗\n车\n");
    }

    private void jsonl(String lang, String... texts) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add("{\"id\": \"" + lang + i + "\", \"lang\": \"" + lang + "\", \"text\": \"" + texts[i] + "\"}");
        }
        Files.write(dir.resolve(lang + ".jsonl"), lines);
    }

    @Test
    void neighboursComeFromTheAlignedSpaceWithoutADictionary() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("prepare", "--data", dir.toString(), "--pretokenized", "--min-df", "1", "--max-df", "1",
                "--aligned-vectors", "--vectors", "en=" + dir.resolve("en.npy"), "--vectors", "zh=" + dir.resolve("zh.npy"),
                "--neighbours", "1", "--out", out.toString()), stderr.toString());
        Vocabulary en = Vocabulary.load(out.resolve("vocab-en.txt"));
        Vocabulary zh = Vocabulary.load(out.resolve("vocab-zh.txt"));
        NeighbourTable table = NeighbourTable.load(out, "en", "zh", en.size(), zh.size(), 1);
        assertArrayEquals(new int[] {zh.indexOf("猫")}, table.cross(0, en.indexOf("cat")));
        assertArrayEquals(new int[] {zh.indexOf("狗")}, table.cross(0, en.indexOf("dog")));
        assertArrayEquals(new int[] {zh.indexOf("车")}, table.cross(0, en.indexOf("bus")));
        assertArrayEquals(new int[] {en.indexOf("car")}, table.cross(1, zh.indexOf("车")));
        assertArrayEquals(new int[] {en.indexOf("bus")}, table.intra(0, en.indexOf("car")));

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("report");
        assertEquals(NeighbourReport.ALIGNED_COSINE, report.get("crossLingualNeighbours").asText());
        assertTrue(stdout.toString().contains("cross-lingual neighbours: " + NeighbourReport.ALIGNED_COSINE),
                stdout.toString());
    }

    @Test
    void refusesAlignedModeWithoutVectorsForBothLanguagesInOneLine() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", dir.toString(), "--aligned-vectors",
                "--vectors", "en=" + dir.resolve("en.npy"), "--out", dir.resolve("out").toString()));
        assertEquals("glostream-trainer prepare: --aligned-vectors needs --vectors LANG=FILE for both languages"
                + " (the data's own vectors are monolingual)", stderr.toString().strip());
    }

    @Test
    void refusesAlignedVectorsOfDifferentWidthsInOneLine() throws IOException {
        Files.write(dir.resolve("zh.npy"), npy("<f4", "3, 2", floats(1, 0, 0.7f, 0.7f, 0, 1)));
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", dir.toString(), "--pretokenized",
                "--min-df", "1", "--max-df", "1", "--aligned-vectors", "--vectors", "en=" + dir.resolve("en.npy"),
                "--vectors", "zh=" + dir.resolve("zh.npy"), "--out", dir.resolve("out").toString()));
        assertEquals("glostream-trainer prepare: --aligned-vectors: en vectors have 3 dimensions but zh vectors have 2;"
                + " aligned vectors share one space", stderr.toString().strip());
    }

    @Test
    void refusesAMissingVocabularyFileInOneLine() throws IOException {
        Files.delete(dir.resolve("zh.txt"));
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("prepare", "--data", dir.toString(), "--aligned-vectors",
                "--vectors", "en=" + dir.resolve("en.npy"), "--vectors", "zh=" + dir.resolve("zh.npy"),
                "--out", dir.resolve("out").toString()));
        assertEquals("glostream-trainer prepare: " + dir.resolve("zh.npy") + ": no vocabulary beside it (expected"
                + " zh.vocab or zh.txt, one word per line for each row)", stderr.toString().strip());
    }
}
