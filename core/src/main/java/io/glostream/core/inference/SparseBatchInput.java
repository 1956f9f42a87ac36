package io.glostream.core.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.glostream.core.features.SparseCounts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link EncoderInput#SPARSE sparse} inputs of a batch: its non-zeros in coordinate form, in
 * this thread's reused direct buffers (ONNX Runtime reads direct native-order buffers without a copy, and
 * reusing them spares the direct-memory churn described in {@link DenseBatchInput}). Nothing needs
 * clearing afterwards: each run sets exactly the {@code nnz} entries it passes.
 */
final class SparseBatchInput implements BatchInput {

    /** Per-thread staging, grown to the largest batch seen (stream threads are long-lived). */
    private final ThreadLocal<Staging> scratch = ThreadLocal.withInitial(() -> new Staging(0));

    @Override
    public BatchTensors tensors(OrtEnvironment environment, List<SparseCounts> batch) throws OrtException {
        int nonZeros = 0;
        for (SparseCounts document : batch) {
            nonZeros = Math.addExact(nonZeros, document.nnz());
        }
        Staging staging = scratch.get();
        if (staging.capacity < nonZeros) {
            staging = new Staging(Math.max(nonZeros, 2 * staging.capacity));
            scratch.set(staging);
        }
        LongBuffer indices = staging.indices.duplicate().clear().limit(nonZeros).slice();
        FloatBuffer values = staging.values.duplicate().clear().limit(nonZeros).slice();
        LongBuffer rows = staging.rows.duplicate().clear().limit(nonZeros).slice();
        int at = 0;
        for (int doc = 0; doc < batch.size(); doc++) {
            SparseCounts document = batch.get(doc);
            for (int i = 0; i < document.nnz(); i++, at++) {
                indices.put(at, document.indexAt(i));
                values.put(at, document.valueAt(i));
                rows.put(at, doc);
            }
        }
        LongBuffer batchSize = staging.batchSize.duplicate().put(0, batch.size());
        long[] shape = {nonZeros};
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            tensors.put(EncoderGraph.INDICES, OnnxTensor.createTensor(environment, indices, shape));
            tensors.put(EncoderGraph.VALUES, OnnxTensor.createTensor(environment, values, shape));
            tensors.put(EncoderGraph.ROWS, OnnxTensor.createTensor(environment, rows, shape));
            tensors.put(EncoderGraph.BATCH_SIZE, OnnxTensor.createTensor(environment, batchSize, new long[] {1}));
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            throw e;
        }
        return new BatchTensors(tensors, () -> { });
    }

    /** Direct native-order buffers for up to {@code capacity} non-zeros and the batch size. */
    private static final class Staging {

        final int capacity;
        final LongBuffer indices;
        final FloatBuffer values;
        final LongBuffer rows;
        final LongBuffer batchSize;

        Staging(int capacity) {
            this.capacity = capacity;
            this.indices = direct(Math.multiplyExact(capacity, Long.BYTES)).asLongBuffer();
            this.values = direct(Math.multiplyExact(capacity, Float.BYTES)).asFloatBuffer();
            this.rows = direct(Math.multiplyExact(capacity, Long.BYTES)).asLongBuffer();
            this.batchSize = direct(Long.BYTES).asLongBuffer();
        }

        private static ByteBuffer direct(int bytes) {
            return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
    }
}
