package io.glostream.trainer.model;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that shapes a GloCTM model and its training, with the authors' defaults
 * (configs/model/GloCTM.yaml and run.sh of the published code; batch norms as its {@code nn.BatchNorm1d}
 * layers with PyTorch's defaults, eps 1e-5 and momentum 0.1, not ProdLDA's 1e-3 and 1e-3).
 *
 * @param numTopics K, the number of topics
 * @param localHidden hidden units of each language's local encoder
 * @param globalHidden hidden units of the global encoder
 * @param dropout dropout rate on the encoders' hidden layer, in [0, 1)
 * @param bnEps epsilon of every batch norm
 * @param bnMomentum batch-norm momentum in PyTorch's convention: running = (1 - m) running + m batch
 * @param lambdaKl weight of KL(q_local || q_global); default as the authors ran Amazon Review
 * @param lambdaCka weight of 1 - CKA(theta_local, embeddings); default as the authors ran Amazon Review
 * @param ckaForm the paper's 1 - CKA (default) or the authors' code's 1 - sqrt(CKA)
 * @param batchSize documents per language per step
 * @param learningRate Adam's initial learning rate
 * @param adamBeta1 Adam's first-moment decay
 * @param adamBeta2 Adam's second-moment decay
 * @param adamEps Adam's epsilon (added to the bias-corrected root of the second moment, as PyTorch does)
 * @param lrStepEpochs StepLR: the learning rate is multiplied by {@code lrGamma} every this many epochs
 * @param lrGamma StepLR's factor
 * @param epochs epochs to train
 * @param seed seeds initialisation, batch order, sampling noise and dropout
 * @param device where the arrays live
 */
public record GloCtmConfig(
        int numTopics,
        int localHidden,
        int globalHidden,
        double dropout,
        double bnEps,
        double bnMomentum,
        double lambdaKl,
        double lambdaCka,
        CkaLossForm ckaForm,
        int batchSize,
        double learningRate,
        double adamBeta1,
        double adamBeta2,
        double adamEps,
        int lrStepEpochs,
        double lrGamma,
        int epochs,
        long seed,
        ComputeDevice device) {

    public GloCtmConfig {
        positive("numTopics", numTopics);
        positive("localHidden", localHidden);
        positive("globalHidden", globalHidden);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(bnEps > 0) || Double.isInfinite(bnEps)) {
            throw new IllegalArgumentException("bnEps must be positive, got " + bnEps);
        }
        if (!(bnMomentum > 0 && bnMomentum <= 1)) {
            throw new IllegalArgumentException("bnMomentum must be in (0, 1], got " + bnMomentum);
        }
        nonNegative("lambdaKl", lambdaKl);
        nonNegative("lambdaCka", lambdaCka);
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be at least 2 (batch norm needs two documents), got "
                    + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        unitInterval("adamBeta1", adamBeta1);
        unitInterval("adamBeta2", adamBeta2);
        if (!(adamEps > 0) || Double.isInfinite(adamEps)) {
            throw new IllegalArgumentException("adamEps must be positive, got " + adamEps);
        }
        positive("lrStepEpochs", lrStepEpochs);
        if (!(lrGamma > 0 && lrGamma <= 1)) {
            throw new IllegalArgumentException("lrGamma must be in (0, 1], got " + lrGamma);
        }
        positive("epochs", epochs);
        if (device == null) {
            throw new IllegalArgumentException("device must be set");
        }
        if (ckaForm == null) {
            throw new IllegalArgumentException("ckaForm must be set");
        }
    }

    /** The defaults: K = 50, 150 epochs of batch 128, Adam 0.002 halved after 125 epochs, on the CPU. */
    public static GloCtmConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return builder().numTopics(numTopics).localHidden(localHidden).globalHidden(globalHidden)
                .dropout(dropout).bnEps(bnEps).bnMomentum(bnMomentum).lambdaKl(lambdaKl).lambdaCka(lambdaCka)
                .ckaForm(ckaForm).batchSize(batchSize).learningRate(learningRate).adamBeta1(adamBeta1).adamBeta2(adamBeta2)
                .adamEps(adamEps).lrStepEpochs(lrStepEpochs).lrGamma(lrGamma).epochs(epochs).seed(seed)
                .device(device);
    }

    /** StepLR: the learning rate during the 0-based epoch {@code epochIndex}. */
    public double learningRateAt(int epochIndex) {
        if (epochIndex < 0) {
            throw new IllegalArgumentException("epoch index must be >= 0, got " + epochIndex);
        }
        return learningRate * Math.pow(lrGamma, epochIndex / lrStepEpochs);
    }

    /** Every field as text, in declaration order; {@link #fromMap} reads it back exactly. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (RecordComponent component : GloCtmConfig.class.getRecordComponents()) {
            try {
                map.put(component.getName(), String.valueOf(component.getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return map;
    }

    /**
     * Reads a configuration written by {@link #toMap}; absent keys keep their defaults, unknown keys are
     * refused so a typo cannot pass silently.
     */
    public static GloCtmConfig fromMap(Map<String, String> map) {
        Builder b = builder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "numTopics" -> b.numTopics(Integer.parseInt(v));
                    case "localHidden" -> b.localHidden(Integer.parseInt(v));
                    case "globalHidden" -> b.globalHidden(Integer.parseInt(v));
                    case "dropout" -> b.dropout(Double.parseDouble(v));
                    case "bnEps" -> b.bnEps(Double.parseDouble(v));
                    case "bnMomentum" -> b.bnMomentum(Double.parseDouble(v));
                    case "lambdaKl" -> b.lambdaKl(Double.parseDouble(v));
                    case "lambdaCka" -> b.lambdaCka(Double.parseDouble(v));
                    case "ckaForm" -> b.ckaForm(CkaLossForm.parse(v));
                    case "batchSize" -> b.batchSize(Integer.parseInt(v));
                    case "learningRate" -> b.learningRate(Double.parseDouble(v));
                    case "adamBeta1" -> b.adamBeta1(Double.parseDouble(v));
                    case "adamBeta2" -> b.adamBeta2(Double.parseDouble(v));
                    case "adamEps" -> b.adamEps(Double.parseDouble(v));
                    case "lrStepEpochs" -> b.lrStepEpochs(Integer.parseInt(v));
                    case "lrGamma" -> b.lrGamma(Double.parseDouble(v));
                    case "epochs" -> b.epochs(Integer.parseInt(v));
                    case "seed" -> b.seed(Long.parseLong(v));
                    case "device" -> b.device(ComputeDevice.parse(v));
                    default -> throw new IllegalArgumentException("unknown GloCTM setting '" + e.getKey() + "'");
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("setting " + e.getKey() + " is not a number: '" + v + "'", ex);
            }
        }
        return b.build();
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    private static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int numTopics = 50;
        private int localHidden = 100;
        private int globalHidden = 200;
        private double dropout = 0.0;
        private double bnEps = 1e-5;
        private double bnMomentum = 0.1;
        private double lambdaKl = 3.0;
        private double lambdaCka = 300.0;
        private CkaLossForm ckaForm = CkaLossForm.LINEAR;
        private int batchSize = 128;
        private double learningRate = 0.002;
        private double adamBeta1 = 0.9;
        private double adamBeta2 = 0.999;
        private double adamEps = 1e-8;
        private int lrStepEpochs = 125;
        private double lrGamma = 0.5;
        private int epochs = 150;
        private long seed = 0L;
        private ComputeDevice device = ComputeDevice.CPU;

        private Builder() {
        }

        public Builder numTopics(int v) {
            numTopics = v;
            return this;
        }

        public Builder localHidden(int v) {
            localHidden = v;
            return this;
        }

        public Builder globalHidden(int v) {
            globalHidden = v;
            return this;
        }

        public Builder dropout(double v) {
            dropout = v;
            return this;
        }

        public Builder bnEps(double v) {
            bnEps = v;
            return this;
        }

        public Builder bnMomentum(double v) {
            bnMomentum = v;
            return this;
        }

        public Builder lambdaKl(double v) {
            lambdaKl = v;
            return this;
        }

        public Builder lambdaCka(double v) {
            lambdaCka = v;
            return this;
        }

        public Builder ckaForm(CkaLossForm v) {
            ckaForm = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder adamBeta1(double v) {
            adamBeta1 = v;
            return this;
        }

        public Builder adamBeta2(double v) {
            adamBeta2 = v;
            return this;
        }

        public Builder adamEps(double v) {
            adamEps = v;
            return this;
        }

        public Builder lrStepEpochs(int v) {
            lrStepEpochs = v;
            return this;
        }

        public Builder lrGamma(double v) {
            lrGamma = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder device(ComputeDevice v) {
            device = v;
            return this;
        }

        public GloCtmConfig build() {
            return new GloCtmConfig(numTopics, localHidden, globalHidden, dropout, bnEps, bnMomentum, lambdaKl,
                    lambdaCka, ckaForm, batchSize, learningRate, adamBeta1, adamBeta2, adamEps, lrStepEpochs, lrGamma, epochs,
                    seed, device);
        }
    }
}
