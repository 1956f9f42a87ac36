package io.glostream.trainer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.glostream.core.features.SparseCounts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The GloCTM network (paper, Methodology): a global encoder over the polyglot-augmented joint vocabulary,
 * one local encoder per language, topic-word matrices beta_1 [K x V1] and beta_2 [K x V2] shared by the
 * local decoders and, concatenated, by the global decoder, and one batch-normalised softmax decoder per
 * pathway. Owns its native memory: close it.
 *
 * <p>Creating a model tunes glibc's malloc for the whole process (see {@link MallocTuning}): PyTorch's
 * temporaries are then reused instead of page-faulted in at every step.
 *
 * <p>Inference methods run the encoders in evaluation mode (batch norm on running statistics, no sampling),
 * so a document's result does not depend on its batch. Not thread-safe.
 */
public final class GloCtmModel implements AutoCloseable {

    /** The DJL engine the model runs on. */
    public static final String ENGINE = "PyTorch";
    /** Rows per inference call; evaluation mode makes results independent of it. */
    private static final int INFERENCE_ROWS = 512;

    private final GloCtmConfig config;
    private final int vocab1;
    private final int vocab2;
    private final NDManager manager;
    private final ModelState state = new ModelState();
    private final Encoder global;
    private final Encoder local1;
    private final Encoder local2;
    private final NDArray beta1;
    private final NDArray beta2;
    private final BatchNorm1d decoderGlobal;
    private final BatchNorm1d decoder1;
    private final BatchNorm1d decoder2;

    private GloCtmModel(GloCtmConfig config, int vocab1, int vocab2) {
        this.config = config;
        this.vocab1 = vocab1;
        this.vocab2 = vocab2;
        this.manager = Engine.getEngine(ENGINE).newBaseManager(config.device().toDjl());
        Random init = new Random(config.seed());
        int k = config.numTopics();
        global = new Encoder("global", vocab1 + vocab2, config.globalHidden(), config, manager, init, state);
        local1 = new Encoder("local1", vocab1, config.localHidden(), config, manager, init, state);
        local2 = new Encoder("local2", vocab2, config.localHidden(), config, manager, init, state);
        beta1 = state.addParameter("beta1", OwnedArrays.copyOf(manager,
                Initialisers.uniform(init, k * vocab1, Initialisers.xavierBound(k, vocab1)), new Shape(k, vocab1)));
        beta2 = state.addParameter("beta2", OwnedArrays.copyOf(manager,
                Initialisers.uniform(init, k * vocab2, Initialisers.xavierBound(k, vocab2)), new Shape(k, vocab2)));
        decoderGlobal = new BatchNorm1d("decoder_global.bn", vocab1 + vocab2, config.bnEps(), config.bnMomentum(),
                manager, state);
        decoder1 = new BatchNorm1d("decoder1.bn", vocab1, config.bnEps(), config.bnMomentum(), manager, state);
        decoder2 = new BatchNorm1d("decoder2.bn", vocab2, config.bnEps(), config.bnMomentum(), manager, state);
    }

    /**
     * A freshly initialised model for vocabularies of {@code vocab1} and {@code vocab2} words: linear layers
     * as PyTorch's defaults, beta Xavier-uniform, all drawn from {@code config.seed()}.
     */
    public static GloCtmModel create(GloCtmConfig config, int vocab1, int vocab2) {
        if (config == null) {
            throw new IllegalArgumentException("config must be set");
        }
        if (vocab1 <= 0 || vocab2 <= 0) {
            throw new IllegalArgumentException("vocabulary sizes must be positive, got " + vocab1 + " and " + vocab2);
        }
        MallocTuning.apply();
        return new GloCtmModel(config, vocab1, vocab2);
    }

    public GloCtmConfig config() {
        return config;
    }

    /** V1 or V2. */
    public int vocabSize(int language) {
        return switch (language) {
            case 1 -> vocab1;
            case 2 -> vocab2;
            default -> throw new IllegalArgumentException("language must be 1 or 2, got " + language);
        };
    }

    /** Topic proportions softmax(mu) of the global encoder for augmented vectors of dimension V1 + V2. */
    public float[][] thetaGlobal(List<SparseCounts> augmented) {
        return infer(Pathway.GLOBAL, augmented, true);
    }

    /** Topic proportions softmax(mu) of language {@code language}'s (1 or 2) local encoder. */
    public float[][] thetaLocal(int language, List<SparseCounts> bow) {
        return infer(Pathway.local(language), bow, true);
    }

    /** The global encoder's pre-softmax means mu (the features the authors classify with). */
    public float[][] meanGlobal(List<SparseCounts> augmented) {
        return infer(Pathway.GLOBAL, augmented, false);
    }

    /** The local encoder's pre-softmax means mu for language 1 or 2. */
    public float[][] meanLocal(int language, List<SparseCounts> bow) {
        return infer(Pathway.local(language), bow, false);
    }

    /** beta = [beta_1 | beta_2] as a row-major {@code [K x (V1 + V2)]} copy. */
    public float[] topicWordMatrix() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return topicWord(Pathway.GLOBAL).toFloatArray();
        }
    }

    /** Copies of the trained weights that ONNX export and bundles need. */
    public GloCtmExport export() {
        return new GloCtmExport(config.numTopics(), vocab1, vocab2, global.weights(), local1.weights(),
                local2.weights(), topicWordMatrix());
    }

    @Override
    public void close() {
        manager.close();
    }

    NDManager manager() {
        return manager;
    }

    Map<String, NDArray> parameters() {
        return state.parameters();
    }

    Map<String, NDArray> buffers() {
        return state.buffers();
    }

    Encoder encoder(Pathway pathway) {
        return switch (pathway) {
            case GLOBAL -> global;
            case LOCAL_1 -> local1;
            case LOCAL_2 -> local2;
        };
    }

    /** The pathway's topic-word matrix; for the global pathway a new concatenation [beta_1 | beta_2]. */
    NDArray topicWord(Pathway pathway) {
        return switch (pathway) {
            case GLOBAL -> NDArrays.concat(new NDList(beta1, beta2), 1);
            case LOCAL_1 -> beta1;
            case LOCAL_2 -> beta2;
        };
    }

    /** The pathway's word distribution softmax(BN(theta beta)), {@code [n x V]}. */
    NDArray decode(Pathway pathway, NDArray theta, NDArray topicWord, boolean training) {
        BatchNorm1d norm = switch (pathway) {
            case GLOBAL -> decoderGlobal;
            case LOCAL_1 -> decoder1;
            case LOCAL_2 -> decoder2;
        };
        return norm.forward(theta.matMul(topicWord), training).softmax(1);
    }

    private float[][] infer(Pathway pathway, List<SparseCounts> docs, boolean softmax) {
        Encoder encoder = encoder(pathway);
        int k = config.numTopics();
        float[][] out = new float[docs.size()][];
        if (docs.isEmpty()) {
            return out;
        }
        int chunk = Math.min(INFERENCE_ROWS, docs.size());
        DenseRowStaging staging = new DenseRowStaging(encoder.inputDim(), chunk);
        int[] rows = new int[chunk];
        for (int start = 0; start < docs.size(); start += chunk) {
            int count = Math.min(chunk, docs.size() - start);
            for (int r = 0; r < count; r++) {
                rows[r] = start + r;
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Posterior q = encoder.encode(staging.stage(manager, docs, rows, count), false, null);
                float[] flat = (softmax ? q.meanTheta() : q.mean()).toFloatArray();
                for (int r = 0; r < count; r++) {
                    out[start + r] = Arrays.copyOfRange(flat, r * k, (r + 1) * k);
                }
            }
        }
        return out;
    }
}
