package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's named arrays in registration order: trainable parameters (which get gradients and Adam
 * state) and buffers (batch-norm running statistics, updated in the forward pass). Names are stable;
 * checkpoints and optimiser state are keyed by them.
 */
final class ModelState {

    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    NDArray addParameter(String name, NDArray array) {
        checkNew(name);
        array.setRequiresGradient(true);
        parameters.put(name, array);
        return array;
    }

    NDArray addBuffer(String name, NDArray array) {
        checkNew(name);
        buffers.put(name, array);
        return array;
    }

    Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    private void checkNew(String name) {
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalStateException("array name registered twice: " + name);
        }
    }
}
