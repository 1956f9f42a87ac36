package io.glostream.bench;

import io.glostream.core.neighbours.CosineNeighbourSearch;
import io.glostream.core.neighbours.EmbeddingMatrix;
import io.glostream.core.neighbours.NearestNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact top-k cosine neighbours at training-time scale: every word of a {@code words}-word vocabulary
 * against every word of another, {@code dim}-dimensional vectors (the foundation's target: 10,000 x
 * 10,000 at 300-d in under a minute on two cores). {@code table} is all four searches of a language pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class NeighbourSearchBenchmark {

    @Param({"10000"})
    public int words;

    @Param({"300"})
    public int dim;

    @Param({"3"})
    public int k;

    @Param({"2"})
    public int threads;

    private EmbeddingMatrix first;
    private EmbeddingMatrix second;

    @Setup(Level.Trial)
    public void vectors() {
        first = gaussian(new Random(1));
        second = gaussian(new Random(2));
    }

    private EmbeddingMatrix gaussian(Random random) {
        float[] values = new float[words * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return EmbeddingMatrix.of(words, dim, values);
    }

    @Benchmark
    public NearestNeighbours crossLingualSearch() {
        return new CosineNeighbourSearch(threads).search(first, second, k);
    }

    @Benchmark
    public NeighbourTable table() {
        return NeighbourTable.compute("en", "zh", first, second, k, threads);
    }
}
