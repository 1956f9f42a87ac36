package io.glostream.core.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.glostream.core.features.SparseCounts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link EncoderInput#DENSE dense} input {@code [batch x V]} of a batch in this thread's scratch
 * buffer. A fresh direct buffer per call would be freed only by a GC, and Java throttles direct
 * allocations near its limit (System.gc and sleeps), which cost hundreds of microseconds per document;
 * the scratch buffer is reused instead and is all zeros between calls (closing the tensors undoes exactly
 * what was written).
 */
final class DenseBatchInput implements BatchInput {

    private final int inputDimension;
    /** Per-thread dense input, reused across calls (stream threads are long-lived). */
    private final ThreadLocal<FloatBuffer> scratch = new ThreadLocal<>();

    DenseBatchInput(int inputDimension) {
        this.inputDimension = inputDimension;
    }

    @Override
    public BatchTensors tensors(OrtEnvironment environment, List<SparseCounts> batch) throws OrtException {
        long floats = (long) batch.size() * inputDimension;
        if (floats * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + batch.size() + " x " + inputDimension
                    + " floats exceeds one buffer; split it");
        }
        FloatBuffer buffer = scratch.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect((int) floats * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            scratch.set(buffer);
        }
        FloatBuffer input = buffer.duplicate();
        input.clear().limit((int) floats);
        FloatBuffer counts = input.slice();
        write(counts, batch, true);
        try {
            OnnxTensor tensor = OnnxTensor.createTensor(environment, counts, new long[] {batch.size(), inputDimension});
            return new BatchTensors(Map.of(EncoderGraph.INPUT, tensor), () -> write(counts, batch, false));
        } catch (OrtException | RuntimeException e) {
            write(counts, batch, false);
            throw e;
        }
    }

    /** Writes the batch's counts into the rows, or zeros where they were. */
    private void write(FloatBuffer counts, List<SparseCounts> batch, boolean values) {
        for (int doc = 0; doc < batch.size(); doc++) {
            SparseCounts document = batch.get(doc);
            int rowStart = doc * inputDimension;
            for (int i = 0; i < document.nnz(); i++) {
                counts.put(rowStart + document.indexAt(i), values ? document.valueAt(i) : 0f);
            }
        }
    }
}
