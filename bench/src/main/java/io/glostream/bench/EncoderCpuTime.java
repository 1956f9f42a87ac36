package io.glostream.bench;

import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import io.glostream.core.inference.OnnxEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Documents per second per core of {@link OnnxEncoder#infer}, dense against sparse graph of the same
 * weights, measured in the calling thread's CPU time rather than wall time. With one intra-op thread ONNX
 * Runtime runs the whole graph on the calling thread, so its CPU time is the encoder's cost on one core;
 * on a shared machine it is far less disturbed by other processes than wall time (which also counts the
 * time the thread waits for a core), though caches shared with them still inflate it.
 *
 * <p>Same model and documents as {@link OnnxEncoderBenchmark}: V = 10,000, H = 200, K = 50, 512
 * documents of 64 distinct active words (one in eight counted twice). Each batch size encodes the 512
 * documents {@value #WARM_UP_ROUNDS} times to warm up, then {@value #ROUNDS} times; it prints the best
 * and the median round.
 *
 * <pre>java -cp bench/target/glostream-bench.jar io.glostream.bench.EncoderCpuTime</pre>
 */
public final class EncoderCpuTime {

    private static final int DOCUMENTS = 512;
    private static final int VOCABULARY = 10_000;
    private static final int HIDDEN = 200;
    private static final int TOPICS = 50;
    private static final int ACTIVE = 64;
    private static final int WARM_UP_ROUNDS = 20;
    private static final int ROUNDS = 30;
    private static final int[] BATCHES = {1, 8, 32, 128, 512};

    private EncoderCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Random random = new Random(42);
        EncoderWeights weights = RandomEncoderWeights.draw(random, VOCABULARY, HIDDEN, TOPICS);
        List<SparseCounts> documents = new ArrayList<>();
        for (int doc = 0; doc < DOCUMENTS; doc++) {
            documents.add(document(random));
        }
        Path directory = Files.createTempDirectory("encoder-cpu-time");
        Path dense = write(weights, EncoderInput.DENSE, directory.resolve("dense.onnx"));
        Path sparse = write(weights, EncoderInput.SPARSE, directory.resolve("sparse.onnx"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("batch  form    best µs/doc  median µs/doc  docs/s per core (best, median)");
        try (OnnxEncoder denseEncoder = OnnxEncoder.open(dense); OnnxEncoder sparseEncoder = OnnxEncoder.open(sparse)) {
            for (int batch : BATCHES) {
                for (OnnxEncoder encoder : List.of(denseEncoder, sparseEncoder)) {
                    double[] perDocument = measure(threads, encoder, documents, batch);
                    System.out.printf(Locale.ROOT, "%5d  %-6s  %11.1f  %13.1f  %,.0f, %,.0f%n", batch,
                            encoder.inputForm().name().toLowerCase(Locale.ROOT), perDocument[0], perDocument[1],
                            1e6 / perDocument[0], 1e6 / perDocument[1]);
                }
            }
        } finally {
            Files.delete(dense);
            Files.delete(sparse);
            Files.delete(directory);
        }
    }

    /** Best and median CPU µs per document over {@link #ROUNDS} rounds. */
    private static double[] measure(ThreadMXBean threads, OnnxEncoder encoder, List<SparseCounts> documents,
            int batch) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            encodeAll(encoder, documents, batch);
        }
        double[] rounds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            encodeAll(encoder, documents, batch);
            rounds[round] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / documents.size();
        }
        Arrays.sort(rounds);
        return new double[] {rounds[0], rounds[ROUNDS / 2]};
    }

    private static void encodeAll(OnnxEncoder encoder, List<SparseCounts> documents, int batch) {
        for (int from = 0; from < documents.size(); from += batch) {
            encoder.infer(documents.subList(from, Math.min(from + batch, documents.size())));
        }
    }

    private static SparseCounts document(Random random) {
        int[] occurrences = new int[ACTIVE + ACTIVE / 8];
        boolean[] taken = new boolean[VOCABULARY];
        int length = 0;
        while (length < ACTIVE) {
            int word = random.nextInt(VOCABULARY);
            if (!taken[word]) {
                taken[word] = true;
                occurrences[length++] = word;
            }
        }
        for (int i = 0; i < ACTIVE / 8; i++) {
            occurrences[length++] = occurrences[i];
        }
        return SparseCounts.countOccurrences(VOCABULARY, occurrences, length);
    }

    private static Path write(EncoderWeights weights, EncoderInput form, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            EncoderGraphWriter.write(weights, form, out);
        }
        return file;
    }
}
