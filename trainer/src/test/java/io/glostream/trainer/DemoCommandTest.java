package io.glostream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job: train, evaluate and inspect on the committed sample (shortened to two epochs here). */
class DemoCommandTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");

    @TempDir
    Path out;

    @Test
    void trainsEvaluatesAndShowsTheTopicsOfTheSample() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = TrainerCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                "demo", "--data", SAMPLE.toString(), "--epochs", "2", "--out", out.toString());

        assertEquals(0, code, stderr.toString());
        assertTrue(stdout.toString().contains("classification (train -> test): en->en acc"), stdout.toString());
        assertTrue(stdout.toString().contains("topic  en"), "the topic table is printed");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<table"));
        try (TopicModel model = TopicModel.load(out.resolve("bundle"))) {
            assertEquals(10, model.numTopics());
        }
    }

    @Test
    void runsAgainOverItsPreviousOutput() {
        for (int run = 0; run < 2; run++) {
            assertEquals(0, TrainerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    "demo", "--data", SAMPLE.toString(), "--epochs", "1", "--out", out.toString()), "run " + run);
        }
    }
}
