package io.glostream.trainer.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.features.Features;
import io.glostream.core.model.TopicModel;
import io.glostream.core.testdata.SharedData;
import io.glostream.trainer.TrainerCli;
import io.glostream.trainer.embeddings.TfidfDocumentEmbeddings;
import io.glostream.trainer.neighbours.NeighbourReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit} end to end on small slices: the CI-sized version of the full trainings. */
class FitCommandTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return TrainerCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    @Test
    void fitsAndEvaluatesASliceOfEcNews() throws IOException {
        Path ecNews = SharedData.file("ec_news/vocab_en.gz").getParent();
        Path bundle = dir.resolve("bundle");
        Path json = dir.resolve("quality.json");
        Path html = dir.resolve("quality.html");

        assertEquals(0, run("fit", "--data", ecNews.toString(), "--max-docs", "300", "--topics", "8", "--epochs", "3",
                "--batch-size", "64", "--seed", "1", "--json", json.toString(), "--report", html.toString(),
                "--out", bundle.toString()), stderr.toString());

        JsonNode q = new ObjectMapper().readTree(json.toFile());
        for (String key : new String[] {"tu", "npmi", "classification", "topics", "training", "provenance"}) {
            assertTrue(q.has(key), "quality JSON has " + key);
        }
        assertTrue(q.at("/tu/mean").asDouble() > 0 && q.at("/tu/mean").asDouble() <= 1);
        for (String direction : new String[] {"en->en", "zh->zh", "en->zh", "zh->en"}) {
            assertTrue(q.at("/classification/" + direction + "/acc").isNumber(), direction);
            assertTrue(q.at("/classification_official/" + direction + "/acc").isNumber(), direction);
        }
        assertEquals(8, q.get("topics").size());
        assertEquals(15, q.at("/topics/0/en").size());
        assertEquals(3, q.at("/training/epochs").asInt());
        assertTrue(q.at("/cnpmi").isNull(), "no reference corpus given");
        assertTrue(q.at("/provenance/neighbours/dictionaryCoverage/zh").asDouble() > 0.5, q.at("/provenance").toString());
        assertTrue(q.at("/provenance/neighbours/heldOutPrecisionAt1").isNumber());
        assertEquals(NeighbourReport.DICTIONARY_LED, q.at("/provenance/neighbours/crossLingual").asText());
        String meanProvenance = TfidfDocumentEmbeddings.Weighting.MEAN.provenance();
        assertEquals(meanProvenance, q.at("/provenance/documentEmbeddings/en").asText());
        assertEquals(meanProvenance, q.at("/provenance/documentEmbeddings/zh").asText());
        assertTrue(Files.readString(html).contains("<table"));
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            assertEquals(8, opened.manifest().topics());
            assertEquals(5000, opened.manifest().vocabularySizes().get("zh"));
        }
        Path checkpoint = Path.of(bundle + ".checkpoint");
        assertTrue(Files.exists(checkpoint));

        // the bundle scores like the trained model: same topics, theta within 1e-5 of DJL's
        Path evalJson = dir.resolve("eval.json");
        assertEquals(0, run("eval", "--model", bundle.toString(), "--data", ecNews.toString(), "--max-docs", "300",
                "--json", evalJson.toString()), stderr.toString());
        JsonNode e = new ObjectMapper().readTree(evalJson.toFile());
        assertEquals(q.get("topics"), e.get("topics"));
        assertEquals(q.get("tu"), e.get("tu"));
        assertEquals(q.get("npmi"), e.get("npmi"));
        for (String direction : new String[] {"en->en", "zh->zh", "en->zh", "zh->en"}) {
            assertEquals(q.at("/classification/" + direction + "/acc").asDouble(),
                    e.at("/classification/" + direction + "/acc").asDouble(), 0.01, direction);
            // the ONNX local encoders' means classify as the DJL ones do
            assertEquals(q.at("/classification_official/" + direction + "/acc").asDouble(),
                    e.at("/classification_official/" + direction + "/acc").asDouble(), 0.01, direction);
        }

        // export from the checkpoint rebuilds the same featurisation and writes the same weights
        Path exported = dir.resolve("exported");
        assertEquals(0, run("export", "--checkpoint", checkpoint.toString(), "--data", ecNews.toString(),
                "--max-docs", "300", "--metrics", json.toString(), "--model-name", "m", "--model-version", "v1",
                "--out", exported.toString()), stderr.toString());
        try (ModelBundle fitted = ModelBundle.open(bundle); ModelBundle again = ModelBundle.open(exported)) {
            for (String file : new String[] {"topic-word.npy", "vocab-en.txt", "neighbours-zh.tsv", "encoder-global.onnx"}) {
                assertEquals(fitted.manifest().files().get(file), again.manifest().files().get(file), file);
            }
            assertEquals(fitted.manifest().metrics(), again.manifest().metrics());
        }
    }

    @Test
    void fitsDataWithoutATestSplitAndSaysEvaluationWasSkipped() throws IOException {
        Path data = dir.resolve("train-only");
        Files.createDirectories(data);
        for (String f : new String[] {"en.jsonl", "zh.jsonl", "vectors-en.vec.gz", "vectors-zh.vec.gz", "dict-zh-en.tsv.gz"}) {
            Files.copy(SAMPLE.resolve(f), data.resolve(f));
        }
        Path bundle = dir.resolve("sample-bundle");
        assertEquals(0, run("fit", "--data", data.toString(), "--pretokenized", "--topics", "5", "--epochs", "2",
                "--batch-size", "32", "--out", bundle.toString()), stderr.toString());
        assertTrue(stdout.toString().contains("evaluation skipped: the data has no test split"), stdout.toString());
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            assertEquals(5, opened.manifest().topics());
        }
    }

    @Test
    void neighboursZeroTrainsWithoutAugmentationAndServes() throws IOException {
        Path bundle = dir.resolve("no-augmentation");
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--topics", "4", "--epochs", "1", "--batch-size", "64",
                "--neighbours", "0", "--no-eval", "--out", bundle.toString()), stderr.toString());
        try (TopicModel model = TopicModel.load(bundle, 1)) {
            assertEquals(0, model.manifest().neighbourK());
            String word = model.topics().get(0).words().get("en").get(0);
            Features features = model.featurizer().featurize("en", word);
            assertEquals(1, features.global().nnz(), "only the word itself, no neighbours");
            assertEquals(4, model.infer(List.of(features)).theta(0).length);
        }
    }

    @Test
    void resumesFromTheCheckpoint() throws IOException {
        Path bundle = dir.resolve("resumed");
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--topics", "4", "--epochs", "1", "--batch-size", "64",
                "--out", bundle.toString()), stderr.toString());
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--topics", "4", "--epochs", "2", "--batch-size", "64",
                "--resume", "--out", dir.resolve("resumed-2").toString(), "--checkpoint", bundle + ".checkpoint"),
                stderr.toString());
        assertTrue(stdout.toString().contains("trained 1 epochs"), "only the missing epoch ran: " + stdout);
    }

    @Test
    void resumingWithMoreEpochsExtendsAFinishedRun() {
        Path bundle = dir.resolve("short");
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--topics", "4", "--epochs", "1", "--batch-size", "64",
                "--no-eval", "--out", bundle.toString()), stderr.toString());
        stdout.getBuffer().setLength(0);
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--topics", "4", "--epochs", "3", "--batch-size", "64",
                "--no-eval", "--resume", "--checkpoint", bundle + ".checkpoint", "--out", dir.resolve("longer").toString()),
                stderr.toString());
        assertTrue(stdout.toString().contains("trained 2 epochs"), "epochs 2 and 3 ran: " + stdout);
    }

    @Test
    void refusesBadSettingsInOneLine() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("fit", "--data", SAMPLE.toString(), "--topics", "0",
                "--out", dir.resolve("x").toString()));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().contains("numTopics"), stderr.toString());
    }

    @Test
    void refusesAnUnknownCkaForm() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("fit", "--data", SAMPLE.toString(), "--cka-form", "sqrt",
                "--out", dir.resolve("x").toString()));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().contains("linear or root"), stderr.toString());
    }

    @Test
    void refusesAnUnknownDevice() {
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("fit", "--data", SAMPLE.toString(), "--device", "tpu",
                "--out", dir.resolve("x").toString()));
        assertTrue(stderr.toString().contains("tpu"), stderr.toString());
    }
}
