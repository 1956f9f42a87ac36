package io.glostream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.bundle.ModelBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input through the real CLI entry point: corrupt and truncated data files, empty corpora, vocabularies
 * that do not fit, checkpoints of another model, NaN and infinite word vectors, wrong argument values and
 * unwritable output locations. Every case must stop with exit code 2, exactly one line on standard error that
 * names the file or option at fault and no stack trace, and leave nothing where the bundle would have gone.
 */
class TrainerHostileInputTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");
    private static final int WORDS = TinyBenchmark.MAX_WORDS;

    @TempDir
    static Path shared;

    /** A checkpoint and bundle fitted on the intact tiny benchmark, and a checkpoint of a smaller vocabulary. */
    private static Path fittedBundle;
    private static Path fittedCheckpoint;
    private static Path otherVocabularyCheckpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitTheIntactFixtureAndOneOfAnotherVocabulary() throws IOException {
        fittedBundle = shared.resolve("fitted/bundle");
        CliRun fit = CliRun.of(fitArgs(TinyBenchmark.write(shared.resolve("tiny"), WORDS), fittedBundle));
        assertEquals(0, fit.exitCode(), fit.stderr());
        fittedCheckpoint = Path.of(fittedBundle + ".checkpoint");

        Path other = shared.resolve("other/bundle");
        CliRun fitOther = CliRun.of(fitArgs(TinyBenchmark.write(shared.resolve("tiny-12"), 12), other));
        assertEquals(0, fitOther.exitCode(), fitOther.stderr());
        otherVocabularyCheckpoint = Path.of(other + ".checkpoint");
    }

    @Test
    void theIntactFixtureFitsSoEveryFailureBelowIsTheInputs() throws IOException {
        try (ModelBundle bundle = ModelBundle.open(fittedBundle)) {
            assertEquals(Map.of("en", WORDS, "zh", WORDS), bundle.manifest().vocabularySizes());
        }
        assertTrue(Files.isRegularFile(fittedCheckpoint));
    }

    /** One hostile input: what it does to a fresh copy of the fixture, the arguments, and what stderr must name. */
    record Case(String name, Setup setup, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Alters the fixture in {@code data} and returns the CLI arguments, with {@code out} as the bundle path. */
    @FunctionalInterface
    interface Setup {
        String[] args(Path data, Path out) throws IOException;
    }

    static Stream<Case> hostileInputs() {
        List<Case> cases = new ArrayList<>();
        // corrupt, truncated and inconsistent benchmark files
        cases.add(new Case("word2vec cut in half", (data, out) -> {
            truncate(data.resolve("word2vec_en.npz"), 0.5);
            return fitArgs(data, out);
        }, "word2vec_en.npz"));
        cases.add(new Case("word2vec with flipped bytes", (data, out) -> {
            flipBytes(data.resolve("word2vec_cn.npz"));
            return fitArgs(data, out);
        }, "word2vec_cn.npz"));
        cases.add(new Case("word2vec not a zip", (data, out) -> {
            Files.writeString(data.resolve("word2vec_en.npz"), "not a zip archive");
            return fitArgs(data, out);
        }, "word2vec_en.npz"));
        cases.add(new Case("word2vec rows differ from the vocabulary", (data, out) -> {
            TinyBenchmark.writeVectors(data, "en", TinyBenchmark.vectors(WORDS - 4));
            return fitArgs(data, out);
        }, "word2vec_en.npz: " + (WORDS - 4) + " rows for a vocabulary of " + WORDS + " words"));
        cases.add(new Case("NaN in a word vector", (data, out) -> {
            float[][] vectors = TinyBenchmark.vectors(WORDS);
            vectors[3][2] = Float.NaN;
            TinyBenchmark.writeVectors(data, "cn", vectors);
            return fitArgs(data, out);
        }, "word2vec_cn.npz"));
        cases.add(new Case("infinity in a word vector", (data, out) -> {
            float[][] vectors = TinyBenchmark.vectors(WORDS);
            vectors[WORDS - 1][0] = Float.POSITIVE_INFINITY;
            TinyBenchmark.writeVectors(data, "en", vectors);
            return fitArgs(data, out);
        }, "word2vec_en.npz"));
        cases.add(new Case("vocabulary not gzip", (data, out) -> {
            Files.write(data.resolve("vocab_en.gz"), new byte[] {(byte) 0xC3, (byte) 0x28, 10, (byte) 0xFF, 10});
            return fitArgs(data, out);
        }, "vocab_en.gz"));
        cases.add(new Case("vocabulary gzip truncated", (data, out) -> {
            truncate(data.resolve("vocab_cn.gz"), 0.6);
            return fitArgs(data, out);
        }, "vocab_cn.gz"));
        cases.add(new Case("empty vocabulary", (data, out) -> {
            TinyBenchmark.gzipLines(data.resolve("vocab_en.gz"), List.of());
            return fitArgs(data, out);
        }, "vocab_en.gz"));
        cases.add(new Case("empty training corpus", (data, out) -> {
            TinyBenchmark.gzipLines(data.resolve("train_texts_en.txt.gz"), List.of());
            TinyBenchmark.gzipLines(data.resolve("train_labels_en.txt.gz"), List.of());
            return fitArgs(data, out);
        }, "train_texts_en.txt.gz"));
        cases.add(new Case("training texts gzip truncated", (data, out) -> {
            truncate(data.resolve("train_texts_cn.txt.gz"), 0.5);
            return fitArgs(data, out);
        }, "train_texts_cn.txt.gz"));
        cases.add(new Case("fewer labels than texts", (data, out) -> {
            TinyBenchmark.gzipLines(data.resolve("train_labels_en.txt.gz"), List.of("1", "2"));
            return fitArgs(data, out);
        }, "train_labels_en.txt.gz"));
        cases.add(new Case("a label that is not an integer", (data, out) -> {
            TinyBenchmark.gzipLines(data.resolve("test_labels_cn.txt.gz"), List.of("one"));
            return fitArgs(data, out);
        }, "test_labels_cn.txt.gz"));
        cases.add(new Case("texts with no word of the vocabulary", (data, out) -> {
            TinyBenchmark.gzipLines(data.resolve("train_texts_en.txt.gz"), lines(40, "zebra quokka"));
            return fitArgs(data, out);
        }, "en: none of the 40 training documents has a word of the 24-word vocabulary"));
        cases.add(new Case("test texts missing", (data, out) -> {
            Files.delete(data.resolve("test_texts_en.txt.gz"));
            return fitArgs(data, out);
        }, "test_texts_en.txt.gz"));
        cases.add(new Case("dictionary corrupt", (data, out) -> {
            truncate(data.resolve("dict-zh-en.tsv.gz"), 0.5);
            return fitArgs(data, out);
        }, "dict-zh-en.tsv.gz"));
        cases.add(new Case("dictionary missing", (data, out) -> {
            Files.delete(data.resolve("dict-zh-en.tsv.gz"));
            return fitArgs(data, out);
        }, "dict-zh-en.tsv.gz"));
        // the JSONL layout
        cases.add(new Case("empty JSONL corpus", (data, out) -> {
            Path jsonl = jsonlCopy(data);
            Files.writeString(jsonl.resolve("en.jsonl"), "");
            return fitArgs(jsonl, out);
        }, "en.jsonl"));
        cases.add(new Case("a JSONL line that is not JSON", (data, out) -> {
            Path jsonl = jsonlCopy(data);
            Files.writeString(jsonl.resolve("zh.jsonl"), "{\"id\": \"z1\", \"lang\": \"zh\", \"text\": \"河流 山脉\"}\n{broken\n");
            return fitArgs(jsonl, out);
        }, "zh.jsonl:2"));
        cases.add(new Case("NaN in a .vec file", (data, out) -> {
            Path jsonl = jsonlCopy(data);
            gzipText(jsonl.resolve("vectors-en.vec.gz"), "2 3\napple 0.1 0.2 0.3\nbanana 0.1 NaN 0.3\n");
            return fitArgs(jsonl, out);
        }, "vectors-en.vec.gz:3"));
        // wrong argument values
        cases.add(new Case("zero epochs", (data, out) -> fitArgs(data, out, "--epochs", "0"), "epochs"));
        cases.add(new Case("negative epochs", (data, out) -> fitArgs(data, out, "--epochs", "-3"), "epochs"));
        cases.add(new Case("one topic", (data, out) -> fitArgs(data, out, "--topics", "1"), "opics"));
        cases.add(new Case("topics not a number", (data, out) -> fitArgs(data, out, "--topics", "many"), "--topics"));
        cases.add(new Case("zero batch size", (data, out) -> fitArgs(data, out, "--batch-size", "0"), "atch"));
        cases.add(new Case("negative learning rate", (data, out) -> fitArgs(data, out, "--learning-rate", "-1"),
                "earning"));
        cases.add(new Case("NaN lambda", (data, out) -> fitArgs(data, out, "--lambda-kl", "NaN"), "ambda"));
        cases.add(new Case("negative neighbours", (data, out) -> fitArgs(data, out, "--neighbours", "-1"),
                "eighbours"));
        cases.add(new Case("negative max-docs", (data, out) -> fitArgs(data, out, "--max-docs", "-1"), "--max-docs"));
        cases.add(new Case("zero checkpoint interval", (data, out) -> fitArgs(data, out, "--checkpoint-every", "0"),
                "heckpoint"));
        cases.add(new Case("unknown device", (data, out) -> fitArgs(data, out, "--device", "tpu"), "tpu"));
        cases.add(new Case("one language", (data, out) -> fitArgs(data, out, "--langs", "en"), "--langs"));
        cases.add(new Case("the same language twice", (data, out) -> fitArgs(data, out, "--langs", "en,en"),
                "--langs"));
        cases.add(new Case("three languages", (data, out) -> fitArgs(data, out, "--langs", "en,zh,fr"), "--langs"));
        cases.add(new Case("languages with the wrong separator", (data, out) -> fitArgs(data, out, "--langs", "en;zh"),
                "--langs"));
        cases.add(new Case("missing --out", (data, out) -> fitArgs(data, out, "--out", null), "--out"));
        cases.add(new Case("missing --data", (data, out) -> fitArgs(data, out, "--data", null), "--data"));
        cases.add(new Case("--data not a directory", (data, out) -> fitArgs(data, out, "--data",
                data.resolve("nowhere").toString()), "nowhere"));
        cases.add(new Case("an unknown option", (data, out) -> fitArgs(data, out, "--frobnicate", "3"),
                "--frobnicate"));
        // unwritable output locations
        cases.add(new Case("--out below a regular file", (data, out) -> {
            Path file = Files.writeString(data.resolve("a-file"), "x");
            return fitArgs(data, out, "--out", file.resolve("bundle").toString());
        }, "a-file"));
        cases.add(new Case("--json below a regular file", (data, out) -> {
            Path file = Files.writeString(data.resolve("a-file"), "x");
            return fitArgs(data, out, "--json", file.resolve("q.json").toString());
        }, "a-file"));
        cases.add(new Case("--checkpoint below a regular file", (data, out) -> {
            Path file = Files.writeString(data.resolve("a-file"), "x");
            return fitArgs(data, out, "--checkpoint", file.resolve("c.checkpoint").toString());
        }, "a-file"));
        // checkpoints that do not fit
        cases.add(new Case("resume from a checkpoint of another vocabulary", (data, out) -> fitArgs(data, out,
                "--resume", "", "--checkpoint", otherVocabularyCheckpoint.toString()), "bundle.checkpoint"));
        cases.add(new Case("resume from a truncated checkpoint", (data, out) -> fitArgs(data, out,
                "--resume", "", "--checkpoint", truncatedCopy(fittedCheckpoint, data, 0.5).toString()),
                "truncated.checkpoint"));
        cases.add(new Case("resume from a file that is no checkpoint", (data, out) -> fitArgs(data, out,
                "--resume", "", "--checkpoint", Files.writeString(data.resolve("text.checkpoint"), "hello").toString()),
                "text.checkpoint"));
        cases.add(new Case("export a checkpoint of another vocabulary", (data, out) ->
                exportArgs(data, out, otherVocabularyCheckpoint), "bundle.checkpoint"));
        cases.add(new Case("export a truncated checkpoint", (data, out) ->
                exportArgs(data, out, truncatedCopy(fittedCheckpoint, data, 0.7)), "truncated.checkpoint"));
        cases.add(new Case("export a checkpoint with flipped bytes", (data, out) -> {
            Path copy = Files.copy(fittedCheckpoint, data.resolve("flipped.checkpoint"));
            flipBytes(copy);
            return exportArgs(data, out, copy);
        }, "flipped.checkpoint"));
        cases.add(new Case("export a missing checkpoint", (data, out) ->
                exportArgs(data, out, data.resolve("none.checkpoint")), "none.checkpoint"));
        cases.add(new Case("export without a model version", (data, out) -> {
            String[] args = exportArgs(data, out, fittedCheckpoint);
            int at = Arrays.asList(args).indexOf("--model-version");
            List<String> kept = new ArrayList<>(Arrays.asList(args));
            kept.remove(at);
            kept.remove(at);
            return kept.toArray(String[]::new);
        }, "--model-version"));
        cases.add(new Case("export onto a regular file", (data, out) -> {
            String[] args = exportArgs(data, out, fittedCheckpoint);
            Path file = Files.writeString(data.resolve("a-file"), "x");
            args[Arrays.asList(args).indexOf("--out") + 1] = file.toString();
            return args;
        }, "a-file"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void stopsWithOneLineAndLeavesNoBundle(Case hostile) throws IOException {
        Path data = TinyBenchmark.write(dir.resolve("data"), WORDS);
        Path models = dir.resolve("models");
        Path out = models.resolve("bundle");
        String[] args = hostile.setup().args(data, out);

        CliRun run = CliRun.of(args);

        String err = run.stderr().strip();
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode(), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("glostream-trainer " + args[0] + ": "), err);
        assertTrue(err.contains(hostile.expected()), "names " + hostile.expected() + ": " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace or class name: " + err);
        assertFalse(Files.exists(out), "no bundle at --out");
        assertTrue(!Files.exists(models) || isEmpty(models), "nothing beside --out: " + listing(models));
    }

    @Test
    void anExistingDirectoryAtOutIsRefusedAndLeftAsItWas() throws IOException {
        Path data = TinyBenchmark.write(dir.resolve("data"), WORDS);
        Path out = Files.createDirectories(dir.resolve("models/bundle"));
        Path precious = Files.writeString(out.resolve("precious.txt"), "keep me");

        CliRun run = CliRun.of(fitArgs(data, out));

        String err = run.stderr().strip();
        assertEquals(TrainerCli.EXIT_BAD_INPUT, run.exitCode(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(out.toString()), err);
        assertEquals("keep me", Files.readString(precious));
        assertEquals(List.of("bundle"), listing(dir.resolve("models")), "no checkpoint, staging or retired directory");
        assertEquals(List.of("precious.txt"), listing(out));
    }

    static String[] fitArgs(Path data, Path out, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data", data.toString());
        options.put("--topics", "3");
        options.put("--epochs", "1");
        options.put("--batch-size", "16");
        options.put("--neighbours", "2");
        options.put("--no-eval", "");
        options.put("--out", out.toString());
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                options.remove(overrides[i]);
            } else {
                options.put(overrides[i], overrides[i + 1]);
            }
        }
        List<String> args = new ArrayList<>(List.of("fit"));
        options.forEach((option, value) -> {
            args.add(option);
            if (!value.isEmpty()) {
                args.add(value);
            }
        });
        return args.toArray(String[]::new);
    }

    private static String[] exportArgs(Path data, Path out, Path checkpoint) {
        return new String[] {"export", "--data", data.toString(), "--neighbours", "2", "--checkpoint",
            checkpoint.toString(), "--model-name", "m", "--model-version", "v1", "--out", out.toString()};
    }

    /** The sample JSONL corpus copied beside {@code data}, to be altered. */
    private static Path jsonlCopy(Path data) throws IOException {
        Path copy = Files.createDirectories(data.resolveSibling("jsonl"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static Path truncatedCopy(Path file, Path dir, double keep) throws IOException {
        Path copy = Files.copy(file, dir.resolve("truncated.checkpoint"));
        truncate(copy, keep);
        return copy;
    }

    private static void truncate(Path file, double keep) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
    }

    /** Inverts a run of bytes in the middle of the file, as a bad disk or a bad copy would. */
    private static void flipBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < Math.min(bytes.length, bytes.length / 2 + 16); i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(file, bytes);
    }

    private static void gzipText(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> lines(int count, String line) {
        return Collections.nCopies(count, line);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        return listing(directory).isEmpty();
    }

    private static List<String> listing(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One invocation with its exit code and captured output. */
    record CliRun(int exitCode, String stdout, String stderr) {
        static CliRun of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = TrainerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }
}
