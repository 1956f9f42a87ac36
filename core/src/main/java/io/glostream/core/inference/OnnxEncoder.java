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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ONNX Runtime session over one encoder graph that honours the {@link EncoderGraph} contract, in
 * whichever {@link EncoderInput} form the graph has (read from its inputs when it is opened), so bundles
 * with dense graphs keep working beside those with sparse ones.
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
    private static final Set<String> DENSE_INPUTS = Set.of(EncoderGraph.INPUT);
    private static final Set<String> SPARSE_INPUTS = Set.of(EncoderGraph.INDICES, EncoderGraph.VALUES,
            EncoderGraph.ROWS, EncoderGraph.BATCH_SIZE);

    private final Path modelFile;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final EncoderInput inputForm;
    private final int inputDimension;
    private final int topics;
    private final BatchInput batchInput;
    private volatile boolean closed;

    private OnnxEncoder(Path modelFile, OrtEnvironment environment, OrtSession session, EncoderInput inputForm,
            int inputDimension, int topics) {
        this.modelFile = modelFile;
        this.environment = environment;
        this.session = session;
        this.inputForm = inputForm;
        this.inputDimension = inputDimension;
        this.topics = topics;
        this.batchInput = BatchInput.of(inputForm, inputDimension);
    }

    /** Loads {@code modelFile} with {@value #DEFAULT_INTRA_OP_THREADS} intra-op thread. */
    public static OnnxEncoder open(Path modelFile) {
        return open(modelFile, DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * Loads {@code modelFile} and checks it has the contract's inputs (either form) and outputs with fixed V and K.
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
            EncoderInput inputForm = inputForm(modelFile, session);
            int inputDimension = inputForm == EncoderInput.DENSE
                    ? checkDenseInput(modelFile, session)
                    : checkSparseInputs(modelFile, session);
            int topics = checkOutputs(modelFile, session);
            return new OnnxEncoder(modelFile, environment, session, inputForm, inputDimension, topics);
        } catch (RuntimeException | OrtException e) {
            closeQuietly(session, e);
            if (e instanceof InferenceException inference) {
                throw inference;
            }
            throw new InferenceException(modelFile + ": cannot read graph signature: " + e.getMessage(), e);
        }
    }

    /** The form in which the graph takes its batch. */
    public EncoderInput inputForm() {
        return inputForm;
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
        checkDocuments(batch);
        int size = batch.size();
        try (BatchTensors inputs = batchInput.tensors(environment, batch);
                OrtSession.Result result = session.run(inputs.byName(), OUTPUTS)) {
            float[] theta = readMatrix(result, EncoderGraph.THETA, size);
            float[] mean = readMatrix(result, EncoderGraph.MEAN, size);
            return new EncoderOutput(size, topics, theta, mean);
        } catch (OrtException e) {
            throw new InferenceException(modelFile + ": inference failed on a batch of " + size + ": "
                    + e.getMessage(), e);
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

    private void checkDocuments(List<SparseCounts> batch) {
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

    /** The form whose input names the graph has exactly. */
    private static EncoderInput inputForm(Path modelFile, OrtSession session) {
        Set<String> names = session.getInputNames();
        if (names.equals(DENSE_INPUTS)) {
            return EncoderInput.DENSE;
        }
        if (names.equals(SPARSE_INPUTS)) {
            return EncoderInput.SPARSE;
        }
        throw new InferenceException(modelFile + ": graph inputs are " + new TreeSet<>(names)
                + ", the encoder contract has exactly " + DENSE_INPUTS + " (dense) or "
                + new TreeSet<>(SPARSE_INPUTS) + " (sparse)");
    }

    private static int checkDenseInput(Path modelFile, OrtSession session) throws OrtException {
        long[] shape = floatMatrixShape(modelFile, "input", session.getInputInfo().get(EncoderGraph.INPUT));
        if (shape[1] <= 0) {
            throw new InferenceException(modelFile + ": input '" + EncoderGraph.INPUT
                    + "' has no fixed vocabulary dimension: " + Arrays.toString(shape));
        }
        return Math.toIntExact(shape[1]);
    }

    /** Checks the sparse inputs' types and shapes; V comes from the model metadata. */
    private static int checkSparseInputs(Path modelFile, OrtSession session) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        checkVector(modelFile, inputs.get(EncoderGraph.INDICES), OnnxJavaType.INT64, -1);
        checkVector(modelFile, inputs.get(EncoderGraph.VALUES), OnnxJavaType.FLOAT, -1);
        checkVector(modelFile, inputs.get(EncoderGraph.ROWS), OnnxJavaType.INT64, -1);
        checkVector(modelFile, inputs.get(EncoderGraph.BATCH_SIZE), OnnxJavaType.INT64, 1);
        String declared = session.getMetadata().getCustomMetadata().get(EncoderGraph.INPUT_DIMENSION_KEY);
        if (declared == null) {
            throw new InferenceException(modelFile + ": sparse graph has no '" + EncoderGraph.INPUT_DIMENSION_KEY
                    + "' metadata entry giving its input dimension");
        }
        int inputDimension;
        try {
            inputDimension = Integer.parseInt(declared);
        } catch (NumberFormatException e) {
            inputDimension = 0;
        }
        if (inputDimension <= 0) {
            throw new InferenceException(modelFile + ": metadata '" + EncoderGraph.INPUT_DIMENSION_KEY
                    + "' must be a positive integer, is '" + declared + "'");
        }
        return inputDimension;
    }

    /** A one-dimensional tensor of {@code type}: of dynamic length when {@code length} is -1, else of that length. */
    private static void checkVector(Path modelFile, NodeInfo node, OnnxJavaType type, long length) {
        long[] shape = node.getInfo() instanceof TensorInfo tensor && tensor.type == type ? tensor.getShape() : null;
        boolean lengthFits = shape != null && shape.length == 1 && (length < 0 ? shape[0] < 0 : shape[0] == length);
        if (!lengthFits) {
            throw new InferenceException(modelFile + ": input '" + node.getName() + "' must be a "
                    + type.name().toLowerCase(Locale.ROOT) + " tensor [" + (length < 0 ? "dynamic" : length)
                    + "], is " + node.getInfo());
        }
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
