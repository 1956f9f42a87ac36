package io.glostream.trainer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link GloCtmModel} on the paper's objective: per batch and language, the global VAE on g, the
 * local VAE on x, lambdaKl KL(q_local || q_global) and lambdaCka (1 - CKA(theta_local, E), or 1 - sqrt(CKA)
 * with {@link CkaLossForm#ROOT}), with Adam and StepLR.
 *
 * <p>Deterministic for a seed on one machine with one PyTorch thread count (system property
 * {@code ai.djl.pytorch.num_threads}, read when the engine starts): initial weights, batch order,
 * reparameterisation noise and dropout masks all come from Java {@link Random}s derived from the seed and the
 * epoch, so a run resumed from a checkpoint continues exactly as the uninterrupted run would have. Each step's
 * arrays live in an {@link NDScope} and are freed when the step ends. Not thread-safe.
 */
public final class GloCtmTrainer implements AutoCloseable {

    private final GloCtmModel model;
    private final AdamOptimizer optimizer;
    private final LogisticNormalPrior prior;
    private int completedEpochs;

    private GloCtmTrainer(GloCtmModel model) {
        this.model = model;
        GloCtmConfig c = model.config();
        this.optimizer = new AdamOptimizer(model.parameters(), c.adamBeta1(), c.adamBeta2(), c.adamEps(),
                model.manager());
        this.prior = LogisticNormalPrior.dirichlet(c.numTopics(), 1.0);
    }

    /** A trainer around a freshly initialised model. */
    public static GloCtmTrainer create(GloCtmConfig config, int vocab1, int vocab2) {
        return new GloCtmTrainer(GloCtmModel.create(config, vocab1, vocab2));
    }

    /** A trainer restored from a checkpoint written by {@link #saveCheckpoint}, ready to continue. */
    public static GloCtmTrainer resume(Path checkpoint) throws IOException {
        return GloCtmCheckpoint.read(checkpoint);
    }

    /** Writes parameters, batch-norm statistics, optimiser state and the epoch count (atomically). */
    public void saveCheckpoint(Path checkpoint) throws IOException {
        GloCtmCheckpoint.write(checkpoint, this);
    }

    public GloCtmModel model() {
        return model;
    }

    public GloCtmConfig config() {
        return model.config();
    }

    /** Epochs trained so far, including those before a resume. */
    public int completedEpochs() {
        return completedEpochs;
    }

    /** Trains until {@code config().epochs()} epochs are complete. */
    public void train(TrainingData data, TrainingListener listener) {
        train(data, config().epochs(), listener);
    }

    /**
     * Trains until {@code untilEpoch} epochs are complete (nothing happens if they already are), calling
     * {@code listener} after every step and epoch.
     *
     * @throws IllegalStateException if the loss stops being finite
     */
    public void train(TrainingData data, int untilEpoch, TrainingListener listener) {
        if (data == null || listener == null) {
            throw new IllegalArgumentException("data and listener must be given");
        }
        if (data.vocabSize(1) != model.vocabSize(1) || data.vocabSize(2) != model.vocabSize(2)) {
            throw new IllegalArgumentException("data has vocabularies " + data.vocabSize(1) + " + "
                    + data.vocabSize(2) + ", the model " + model.vocabSize(1) + " + " + model.vocabSize(2));
        }
        GloCtmConfig c = config();
        try (BatchInputs inputs = new BatchInputs(data, model.manager(), c.batchSize() + 1)) {
            while (completedEpochs < untilEpoch) {
                EpochStats stats = runEpoch(inputs, completedEpochs, listener);
                // counted before the listener runs, so a checkpoint it saves knows the epoch is done
                completedEpochs++;
                listener.onEpoch(stats);
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }

    AdamOptimizer optimizer() {
        return optimizer;
    }

    void restoreCompletedEpochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("completed epochs must be >= 0, got " + epochs);
        }
        completedEpochs = epochs;
    }

    static GloCtmTrainer around(GloCtmModel model) {
        return new GloCtmTrainer(model);
    }

    private EpochStats runEpoch(BatchInputs inputs, int epochIndex, TrainingListener listener) {
        GloCtmConfig c = config();
        Random random = epochRandom(c.seed(), epochIndex);
        List<int[]> batches = BilingualBatches.plan(inputs.size(1), inputs.size(2), c.batchSize(), random);
        double lr = c.learningRateAt(epochIndex);
        double[] sums = new double[LossTerms.COUNT];
        long documents = 0;
        long start = System.nanoTime();
        for (int s = 0; s < batches.size(); s++) {
            float[] terms = step(inputs, batches.get(s), random, lr);
            if (!Float.isFinite(terms[LossTerms.COUNT - 1])) {
                throw new IllegalStateException("loss is " + terms[LossTerms.COUNT - 1] + " at epoch "
                        + (epochIndex + 1) + ", step " + (s + 1));
            }
            for (int t = 0; t < sums.length; t++) {
                sums[t] += terms[t];
            }
            documents += 2L * batches.get(s).length;
            listener.onStep(epochIndex + 1, s + 1, batches.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int t = 0; t < sums.length; t++) {
            sums[t] /= batches.size();
        }
        return new EpochStats(epochIndex + 1, lr, LossTerms.of(sums), batches.size(), documents, seconds);
    }

    /** One optimiser step on a batch of positions; returns the loss terms in {@link LossTerms} order. */
    private float[] step(BatchInputs inputs, int[] positions, Random random, double lr) {
        GloCtmConfig c = config();
        NDManager m = model.manager();
        int k = c.numTopics();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray[] terms = new NDArray[LossTerms.COUNT];
            try (GradientCollector collector = Engine.getEngine(GloCtmModel.ENGINE).newGradientCollector()) {
                NDArray jointBeta = model.topicWord(Pathway.GLOBAL);
                for (int lang = 1; lang <= 2; lang++) {
                    int[] docs = BilingualBatches.documents(positions, inputs.size(lang));
                    int n = docs.length;
                    NDArray g = inputs.augmented(lang, docs);
                    NDArray x = inputs.bow(lang, docs);
                    Pathway local = Pathway.local(lang);

                    Posterior global = model.encoder(Pathway.GLOBAL)
                            .encode(g, true, dropoutMask(m, random, n, c.globalHidden()));
                    NDArray thetaGlobal = global.sampleTheta(gaussian(m, random, n, k));
                    NDArray reconGlobal = model.decode(Pathway.GLOBAL, thetaGlobal, jointBeta, true);

                    Posterior own = model.encoder(local).encode(x, true, dropoutMask(m, random, n, c.localHidden()));
                    NDArray thetaLocal = own.sampleTheta(gaussian(m, random, n, k));
                    NDArray reconLocal = model.decode(local, thetaLocal, model.topicWord(local), true);

                    accumulate(terms, 0, GloCtmLoss.reconstruction(reconGlobal, g).mean());
                    accumulate(terms, 1, GloCtmLoss.priorKl(global.mean(), global.logVariance(), prior).mean());
                    accumulate(terms, 2, GloCtmLoss.reconstruction(reconLocal, x).mean());
                    accumulate(terms, 3, GloCtmLoss.priorKl(own.mean(), own.logVariance(), prior).mean());
                    accumulate(terms, 4, GloCtmLoss.gaussianKl(own.mean(), own.logVariance(), global.mean(),
                            global.logVariance()).mean());
                    NDArray cka = GloCtmLoss.linearCka(thetaLocal, inputs.embeddings(lang, docs));
                    accumulate(terms, 5, c.ckaForm().loss(cka));
                }
                terms[6] = terms[0].add(terms[1]).add(terms[2]).add(terms[3])
                        .add(terms[4].mul(OwnedArrays.scalarLike(terms[4], c.lambdaKl())))
                        .add(terms[5].mul(OwnedArrays.scalarLike(terms[5], c.lambdaCka())));
                collector.backward(terms[6]);
            }
            optimizer.step(lr);
            return NDArrays.stack(new NDList(terms)).toFloatArray();
        }
    }

    private static void accumulate(NDArray[] terms, int index, NDArray value) {
        terms[index] = terms[index] == null ? value : terms[index].add(value);
    }

    private static NDArray gaussian(NDManager m, Random random, int rows, int cols) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return OwnedArrays.copyOf(m, values, new Shape(rows, cols));
    }

    /** Inverted dropout: entries 0 with probability p, else 1/(1-p); null when dropout is off. */
    private NDArray dropoutMask(NDManager m, Random random, int rows, int cols) {
        double p = config().dropout();
        if (p == 0) {
            return null;
        }
        float keep = (float) (1.0 / (1.0 - p));
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < p ? 0f : keep;
        }
        return OwnedArrays.copyOf(m, values, new Shape(rows, cols));
    }

    /** An epoch's random stream, a function of the seed and the epoch alone so that resuming reproduces it. */
    private static Random epochRandom(long seed, int epochIndex) {
        long mixed = seed * 0x9E3779B97F4A7C15L + (epochIndex + 1) * 0xBF58476D1CE4E5B9L;
        return new Random(mixed ^ (mixed >>> 31));
    }
}
