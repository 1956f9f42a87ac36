package io.glostream.bench.e2e;

import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.model.TopicModel;
import io.glostream.core.progress.ProgressBar;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "The bound": what one thread does with the same documents without Kafka: featurise each one with the model's
 * featurizer and infer its topics with the global encoder in batches of the app's batch size (one ONNX Runtime
 * thread, as the app uses). Documents with no tokens after analysis are featurised but not inferred, as the app
 * dead-letters them. A warm-up pass over the first documents precedes the timed pass over all of them.
 */
public final class FeaturizeInferBound {

    private static final int WARM_UP_DOCUMENTS = 2_000;

    private FeaturizeInferBound() {
    }

    /**
     * The timed pass: documents per second of wall time, and per second of this thread's CPU time (which does not
     * depend on how much of a core a loaded machine gives it).
     */
    public record Speed(double docsPerSecond, double docsPerCpuSecond) {
    }

    /** Times featurise + infer of {@code documents} in batches of {@code batchSize}, after a warm-up. */
    public static Speed measure(Path model, List<BenchCorpus.BenchDocument> documents, int batchSize) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (TopicModel topicModel = TopicModel.load(model, 1)) {
            List<BenchCorpus.BenchDocument> warmUp = documents.subList(0, Math.min(WARM_UP_DOCUMENTS, documents.size()));
            double sink = pass(topicModel, warmUp, batchSize, null);
            long elapsed;
            long cpu;
            try (ProgressBar progress = ProgressBar.start("bound  ", documents.size(), "docs")) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                sink += pass(topicModel, documents, batchSize, progress);
                cpu = threads.getCurrentThreadCpuTime() - startCpu;
                elapsed = System.nanoTime() - start;
            }
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("the encoder returned NaN topic proportions");
            }
            return new Speed(documents.size() * 1e9 / elapsed, cpu > 0 ? documents.size() * 1e9 / cpu : -1);
        }
    }

    /** One pass; returns the sum of each document's first topic proportion, so no work can be skipped. */
    private static double pass(TopicModel model, List<BenchCorpus.BenchDocument> documents, int batchSize,
            ProgressBar progress) {
        double sink = 0;
        List<Features> batch = new ArrayList<>(batchSize);
        for (int start = 0; start < documents.size(); start += batchSize) {
            int end = Math.min(documents.size(), start + batchSize);
            batch.clear();
            for (BenchCorpus.BenchDocument document : documents.subList(start, end)) {
                Features features = model.featurizer().featurize(document.lang(), document.text());
                if (features.bow().tokens() > 0) {
                    batch.add(features);
                }
            }
            if (!batch.isEmpty()) {
                EncoderOutput output = model.infer(batch);
                for (int doc = 0; doc < batch.size(); doc++) {
                    sink += output.theta(doc)[0];
                }
            }
            if (progress != null) {
                progress.step(end - start);
            }
        }
        return sink;
    }
}
