package io.glostream.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ONNX encoder benchmarks build their graphs in their set-up, from core's graph writer: a change to the
 * exported graph can break them without breaking anything else (the softplus rewrite once did). These run each
 * set-up and every benchmark method once at a small batch, which is a check that they work, not a measurement.
 */
class EncoderBenchmarkSetupTest {

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    @Test
    void onnxEncoderBenchmarkBuildsAndRunsEveryGraph() throws Exception {
        OnnxEncoderBenchmark benchmark = new OnnxEncoderBenchmark();
        benchmark.batch = 32;
        benchmark.vocabulary = 1000;
        benchmark.hidden = 20;
        benchmark.topics = 5;
        benchmark.activeEntries = 16;
        benchmark.prepare();
        try {
            Blackhole bh = blackhole();
            benchmark.encoder(bh);
            benchmark.sparseEncoder(bh);
            benchmark.encoderGraph(bh);
            benchmark.sparseEncoderGraph(bh);
            benchmark.firstLayer(bh);
        } finally {
            benchmark.close();
        }
    }

    @Test
    void sparseFirstLayerBenchmarkBuildsAndRunsEveryVariant() throws Exception {
        SparseFirstLayerBenchmark benchmark = new SparseFirstLayerBenchmark();
        benchmark.batch = 32;
        benchmark.vocabulary = 1000;
        benchmark.hidden = 20;
        benchmark.topics = 5;
        benchmark.prepare();
        try {
            Blackhole bh = blackhole();
            benchmark.scatterNd(bh);
            benchmark.scatterElements(bh);
            benchmark.paddedMatMul(bh);
            benchmark.javaFirstLayer(bh);
        } finally {
            benchmark.close();
        }
    }
}
