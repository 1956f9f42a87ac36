package io.glostream.core.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.glostream.core.features.SparseCounts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX Runtime session over one encoder graph that honours the {@link EncoderGraph} contract.
 *
 * <p>Create it once per model and share it: {@link #infer} may be called from many threads at once,
 * since each call builds its own input and output buffers and {@code OrtSession.run} is thread-safe.
 * Intra-op parallelism defaults to one thread because stream threads already run batches side by
 * side. Close it only after every caller is done.
 */
public final class OnnxEncoder implements AutoCloseable {

    /** Intra-op threads when none are asked for. */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    private static final Set<String> OUTPUTS = Set.of(EncoderGraph.THETA, EncoderGraph.MEAN);

    private final Path modelFile;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final int inputDimension;
    private final int topics;
    /** Per-thread dense input, reused across calls (stream threads are long-lived). */
    private final ThreadLocal<FloatBuffer> scratch = new ThreadLocal<>();
    private volatile boolean closed;

    private OnnxEncoder(Path modelFile, OrtEnvironment environment, OrtSession session, int inputDimension,
            int topics) {
        this.modelFile = modelFile;
        this.environment = environment;
        this.session = session;
        this.inputDimension = inputDimension;
        this.topics = topics;
    }

    /** Loads {@code modelFile} with {@value #DEFAULT_INTRA_OP_THREADS} intra-op thread. */
    public static OnnxEncoder open(Path modelFile) {
        return open(modelFile, DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * Loads {@code modelFile} and checks it has the contract's input and outputs with fixed V and K.
     *
     * @throws InferenceException if the file cannot be loaded or breaks the contract
     */
    public static OnnxEncoder open(Path modelFile, int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, got " + intraOpThreads);
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new InferenceException(modelFile + ": no such model file");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(modelFile.toString(), options);
        } catch (OrtException e) {
            throw new InferenceException(modelFile + ": cannot load ONNX model: " + e.getMessage(), e);
        }
        try {
            int inputDimension = checkInput(modelFile, session);
            int topics = checkOutputs(modelFile, session);
            return new OnnxEncoder(modelFile, environment, session, inputDimension, topics);
        } catch (RuntimeException | OrtException e) {
            closeQuietly(session, e);
            if (e instanceof InferenceException inference) {
                throw inference;
            }
            throw new InferenceException(modelFile + ": cannot read graph signature: " + e.getMessage(), e);
        }
    }

    /** V: the dimension every input count vector must have. */
    public int inputDimension() {
        return inputDimension;
    }

    /** K: the number of topics in each output row. */
    public int topics() {
        return topics;
    }

    /** The file the encoder was loaded from. */
    public Path modelFile() {
        return modelFile;
    }

    /**
     * Encodes a batch of count vectors; the output keeps the batch order. An empty batch gives an
     * empty output without running the graph.
     *
     * @throws IllegalArgumentException if a vector's dimension differs from {@link #inputDimension()}
     * @throws InferenceException if ONNX Runtime fails
     */
    public EncoderOutput infer(List<SparseCounts> batch) {
        checkOpen();
        if (batch.isEmpty()) {
            return EncoderOutput.empty(topics);
        }
        FloatBuffer input = denseInput(batch);
        int size = batch.size();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] {size, inputDimension});
                OrtSession.Result result = session.run(Map.of(EncoderGraph.INPUT, tensor), OUTPUTS)) {
            float[] theta = readMatrix(result, EncoderGraph.THETA, size);
            float[] mean = readMatrix(result, EncoderGraph.MEAN, size);
            return new EncoderOutput(size, topics, theta, mean);
        } catch (OrtException e) {
            throw new InferenceException(modelFile + ": inference failed on a batch of " + size + ": "
                    + e.getMessage(), e);
        } finally {
            clear(input, batch);
        }
    }

    /** Topic proportions of each vector in {@code batch}, {@code [batch.size()][topics()]}. */
    public float[][] theta(List<SparseCounts> batch) {
        return infer(batch).thetaRows();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException(modelFile + ": cannot close session: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(modelFile + ": encoder is closed");
        }
    }

    /**
     * The batch as a dense [batch x V] input in this thread's scratch buffer. A fresh direct buffer per call
     * would be freed only by a GC, and Java throttles direct allocations near its limit (System.gc and
     * sleeps), which cost hundreds of microseconds per document; the scratch buffer is reused instead and
     * is all zeros between calls ({@link #clear} undoes exactly what was written).
     */
    private FloatBuffer denseInput(List<SparseCounts> batch) {
        for (int doc = 0; doc < batch.size(); doc++) {
            SparseCounts counts = batch.get(doc);
            if (counts == null) {
                throw new IllegalArgumentException("document " + doc + " of the batch is null");
            }
            if (counts.dimension() != inputDimension) {
                throw new IllegalArgumentException("document " + doc + " has dimension " + counts.dimension()
                        + ", encoder " + modelFile.getFileName() + " expects " + inputDimension);
            }
        }
        long floats = (long) batch.size() * inputDimension;
        if (floats * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + batch.size() + " x " + inputDimension
                    + " floats exceeds one buffer; split it");
        }
        FloatBuffer buffer = scratch.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect((int) floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            scratch.set(buffer);
        }
        FloatBuffer input = buffer.duplicate();
        input.clear().limit((int) floats);
        input = input.slice();
        for (int doc = 0; doc < batch.size(); doc++) {
            SparseCounts counts = batch.get(doc);
            int rowStart = doc * inputDimension;
            for (int i = 0; i < counts.nnz(); i++) {
                input.put(rowStart + counts.indexAt(i), counts.valueAt(i));
            }
        }
        return input;
    }

    private void clear(FloatBuffer input, List<SparseCounts> batch) {
        for (int doc = 0; doc < batch.size(); doc++) {
            SparseCounts counts = batch.get(doc);
            int rowStart = doc * inputDimension;
            for (int i = 0; i < counts.nnz(); i++) {
                input.put(rowStart + counts.indexAt(i), 0f);
            }
        }
    }

    private float[] readMatrix(OrtSession.Result result, String name, int size) {
        OnnxValue value = result.get(name)
                .orElseThrow(() -> new InferenceException(modelFile + ": run returned no '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor)) {
            throw new InferenceException(modelFile + ": output '" + name + "' is not a tensor");
        }
        long[] shape = tensor.getInfo().getShape();
        if (shape.length != 2 || shape[0] != size || shape[1] != topics) {
            throw new InferenceException(modelFile + ": output '" + name + "' has shape " + Arrays.toString(shape)
                    + ", expected [" + size + ", " + topics + "]");
        }
        float[] values = new float[size * topics];
        tensor.getFloatBuffer().get(values);
        return values;
    }

    private static int checkInput(Path modelFile, OrtSession session) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.keySet().equals(Set.of(EncoderGraph.INPUT))) {
            throw new InferenceException(modelFile + ": graph inputs are " + inputs.keySet()
                    + ", the encoder contract has exactly '" + EncoderGraph.INPUT + "'");
        }
        long[] shape = floatMatrixShape(modelFile, "input", inputs.get(EncoderGraph.INPUT));
        if (shape[1] <= 0) {
            throw new InferenceException(modelFile + ": input '" + EncoderGraph.INPUT
                    + "' has no fixed vocabulary dimension: " + Arrays.toString(shape));
        }
        return Math.toIntExact(shape[1]);
    }

    private static int checkOutputs(Path modelFile, OrtSession session) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (!outputs.keySet().containsAll(OUTPUTS)) {
            throw new InferenceException(modelFile + ": graph outputs are " + outputs.keySet()
                    + ", the encoder contract needs '" + EncoderGraph.THETA + "' and '" + EncoderGraph.MEAN + "'");
        }
        long[] theta = floatMatrixShape(modelFile, "output", outputs.get(EncoderGraph.THETA));
        long[] mean = floatMatrixShape(modelFile, "output", outputs.get(EncoderGraph.MEAN));
        if (theta[1] <= 0 || theta[1] != mean[1]) {
            throw new InferenceException(modelFile + ": outputs need one fixed topic dimension, got theta "
                    + Arrays.toString(theta) + " and mean " + Arrays.toString(mean));
        }
        return Math.toIntExact(theta[1]);
    }

    /** The shape of a float tensor {@code [dynamic batch, n]}. */
    private static long[] floatMatrixShape(Path modelFile, String role, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new InferenceException(modelFile + ": " + role + " '" + node.getName()
                    + "' must be a float tensor, is " + node.getInfo());
        }
        long[] shape = tensor.getShape();
        if (shape.length != 2 || shape[0] >= 0) {
            throw new InferenceException(modelFile + ": " + role + " '" + node.getName()
                    + "' must be [dynamic batch, n], is " + Arrays.toString(shape));
        }
        return shape;
    }

    private static void closeQuietly(OrtSession session, Exception failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
