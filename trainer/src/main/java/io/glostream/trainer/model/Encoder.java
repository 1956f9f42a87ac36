package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.Random;

/**
 * The ProdLDA/InfoCTM inference network: e = softplus(fc1(x)); e = softplus(fc2(e)); dropout;
 * mu = BN(fc_mu(e)); logvar = BN(fc_logvar(e)), each BN with its scale fixed at 1.
 */
final class Encoder {

    private final int inputDim;
    private final int hidden;
    private final int topics;
    private final LinearLayer fc1;
    private final LinearLayer fc2;
    private final LinearLayer fcMean;
    private final LinearLayer fcLogVar;
    private final BatchNorm1d meanNorm;
    private final BatchNorm1d logVarNorm;

    Encoder(String name, int inputDim, int hidden, GloCtmConfig config, NDManager manager, Random init,
            ModelState state) {
        this.inputDim = inputDim;
        this.hidden = hidden;
        this.topics = config.numTopics();
        fc1 = new LinearLayer(name + ".fc1", inputDim, hidden, manager, init, state);
        fc2 = new LinearLayer(name + ".fc2", hidden, hidden, manager, init, state);
        fcMean = new LinearLayer(name + ".fc_mu", hidden, topics, manager, init, state);
        fcLogVar = new LinearLayer(name + ".fc_logvar", hidden, topics, manager, init, state);
        meanNorm = new BatchNorm1d(name + ".bn_mu", topics, config.bnEps(), config.bnMomentum(), manager, state);
        logVarNorm = new BatchNorm1d(name + ".bn_logvar", topics, config.bnEps(), config.bnMomentum(), manager,
                state);
    }

    int inputDim() {
        return inputDim;
    }

    int hidden() {
        return hidden;
    }

    /**
     * Encodes {@code [n x inputDim]} inputs. {@code dropoutMask} ({@code [n x hidden]}, entries 0 or
     * 1/(1-p)) multiplies the hidden layer; null means no dropout.
     */
    Posterior encode(NDArray x, boolean training, NDArray dropoutMask) {
        NDArray e = Activation.softPlus(fc2.forward(Activation.softPlus(fc1.forward(x))));
        if (dropoutMask != null) {
            e = e.mul(dropoutMask);
        }
        return new Posterior(meanNorm.forward(fcMean.forward(e), training),
                logVarNorm.forward(fcLogVar.forward(e), training));
    }

    /** The trained weights of the mean path, for export. */
    TrainedEncoder weights() {
        return new TrainedEncoder(inputDim, hidden, topics,
                fc1.weightInByOut(), fc1.bias(),
                fc2.weightInByOut(), fc2.bias(),
                fcMean.weightInByOut(), fcMean.bias(),
                meanNorm.runningMean(), meanNorm.runningVar(), meanNorm.eps(), meanNorm.scale(), meanNorm.shift());
    }
}
