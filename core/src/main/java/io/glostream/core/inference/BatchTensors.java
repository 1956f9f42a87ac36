package io.glostream.core.inference;

import ai.onnxruntime.OnnxTensor;
import java.util.Map;

/**
 * The input tensors of one encoder run, by graph input name. Closing them also runs {@code afterRun},
 * which resets the thread's reused staging buffers for the next batch.
 */
final class BatchTensors implements AutoCloseable {

    private final Map<String, OnnxTensor> byName;
    private final Runnable afterRun;

    BatchTensors(Map<String, OnnxTensor> byName, Runnable afterRun) {
        this.byName = byName;
        this.afterRun = afterRun;
    }

    Map<String, OnnxTensor> byName() {
        return byName;
    }

    @Override
    public void close() {
        try {
            byName.values().forEach(OnnxTensor::close);
        } finally {
            afterRun.run();
        }
    }
}
