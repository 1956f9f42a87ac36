package io.glostream.trainer.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.progress.ProgressBar;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A sentence encoder in the HuggingFace export layout: a directory with {@code model.onnx} (inputs
 * {@code input_ids}, {@code attention_mask}, optionally {@code token_type_ids}; output the last hidden state
 * {@code [batch, tokens, hidden]}) and its {@code tokenizer.json}. A text's vector is the mean of its token
 * states over the attention mask, L2-normalised, as sentence-transformers pools.
 *
 * <p>Texts are truncated to the tokenizer's own {@code truncation.max_length} (else {@value #DEFAULT_MAX_TOKENS}
 * tokens) and encoded in batches of similar length, so padding costs little; padded positions are masked out
 * of the mean. Dynamically quantised models (such as the small all-MiniLM-L6-v2-q) quantise activations per
 * batch, so a text's vector moves slightly with its batch companions (cosine about 0.97-0.99 to the text
 * encoded alone); the same texts in the same order always give the same vectors. The tokenizer's native library comes from
 * the {@code ai.djl.huggingface:tokenizers} jar, extracted into DJL's cache: nothing is downloaded.
 */
public final class OnnxSentenceEncoder implements AutoCloseable {

    /** The file names of the HuggingFace layout. */
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private static final int DEFAULT_MAX_TOKENS = 512;
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final Path directory;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String output;
    private final boolean takesTokenTypes;
    private final int dimension;

    private OnnxSentenceEncoder(Path directory, HuggingFaceTokenizer tokenizer, OrtEnvironment environment,
                                OrtSession session, String output, boolean takesTokenTypes, int dimension) {
        this.directory = directory;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
        this.output = output;
        this.takesTokenTypes = takesTokenTypes;
        this.dimension = dimension;
    }

    /**
     * Opens the encoder in {@code directory}.
     *
     * @param threads ONNX Runtime intra-op threads
     * @throws IllegalArgumentException naming the directory when a file is missing or the model does not look
     *     like a sentence encoder
     */
    public static OnnxSentenceEncoder open(Path directory, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--sentence-encoder " + directory + ": not a directory");
        }
        Path model = directory.resolve(MODEL_FILE);
        Path tokenizerFile = directory.resolve(TOKENIZER_FILE);
        for (Path file : List.of(model, tokenizerFile)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--sentence-encoder " + directory + ": no " + file.getFileName()
                        + " (expected " + MODEL_FILE + " and " + TOKENIZER_FILE + ")");
            }
        }
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile)
                    .optAddSpecialTokens(true).optTruncation(true).optMaxLength(maxTokens(tokenizerFile))
                    .optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(tokenizerFile + ": cannot load the tokenizer (" + e.getMessage() + ")", e);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = environment.createSession(model.toString(), options);
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
                throw new IllegalArgumentException(model + ": inputs " + inputs + " lack " + INPUT_IDS + " and "
                        + ATTENTION_MASK + ": not a HuggingFace transformer export");
            }
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            String output = outputs.containsKey("last_hidden_state") ? "last_hidden_state"
                    : outputs.keySet().iterator().next();
            long[] shape = ((TensorInfo) outputs.get(output).getInfo()).getShape();
            if (shape.length != 3 || shape[2] < 1) {
                throw new IllegalArgumentException(model + ": output " + output + " has shape " + Arrays.toString(shape)
                        + ", expected [batch, tokens, hidden]");
            }
            return new OnnxSentenceEncoder(directory, tokenizer, environment, session, output,
                    inputs.contains(TOKEN_TYPE_IDS), (int) shape[2]);
        } catch (OrtException | RuntimeException e) {
            tokenizer.close();
            closeQuietly(session);
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(model + ": cannot load (" + e.getMessage() + ")", e);
        }
    }

    /** The tokenizer's own truncation length when its {@code tokenizer.json} sets one. */
    private static int maxTokens(Path tokenizerFile) throws IOException {
        JsonNode length = new ObjectMapper().readTree(tokenizerFile.toFile()).path("truncation").path("max_length");
        return length.isInt() && length.asInt() > 0 ? length.asInt() : DEFAULT_MAX_TOKENS;
    }

    /** The width of the vectors. */
    public int dimension() {
        return dimension;
    }

    /**
     * Encodes {@code texts}, one unit-length row each, in their order.
     *
     * @param batchSize texts per ONNX run
     * @param label what the progress bar says it is doing
     */
    public float[][] encode(List<String> texts, int batchSize, String label) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        Encoding[] encodings = new Encoding[texts.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
        }
        // similar lengths share a batch; ties keep the documents' order, so the order is deterministic
        int[] order = IntStream.range(0, encodings.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encodings[i].getIds().length).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        float[][] out = new float[texts.size()][];
        try (ProgressBar bar = ProgressBar.start(label, texts.size(), "docs")) {
            for (int from = 0; from < order.length; from += batchSize) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
                float[][] vectors = encodeBatch(batch, encodings);
                for (int b = 0; b < batch.length; b++) {
                    out[batch[b]] = vectors[b];
                }
                bar.step(batch.length);
            }
        }
        return out;
    }

    private float[][] encodeBatch(int[] batch, Encoding[] encodings) {
        int tokens = 0;
        for (int i : batch) {
            tokens = Math.max(tokens, encodings[i].getIds().length);
        }
        long[] ids = new long[batch.length * tokens];
        long[] mask = new long[batch.length * tokens];
        long[] types = new long[batch.length * tokens];
        for (int b = 0; b < batch.length; b++) {
            Encoding e = encodings[batch[b]];
            System.arraycopy(e.getIds(), 0, ids, b * tokens, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, b * tokens, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, b * tokens, e.getTypeIds().length);
        }
        long[] shape = {batch.length, tokens};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return meanPool(states, mask, batch.length, tokens);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(directory.resolve(MODEL_FILE) + ": inference failed (" + e.getMessage()
                    + ")", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Mean of the unmasked token states of each row, then unit length. */
    private float[][] meanPool(FloatBuffer states, long[] mask, int rows, int tokens) {
        float[][] out = new float[rows][dimension];
        for (int b = 0; b < rows; b++) {
            double[] sum = new double[dimension];
            int count = 0;
            for (int t = 0; t < tokens; t++) {
                if (mask[b * tokens + t] == 0) {
                    continue;
                }
                count++;
                int offset = (b * tokens + t) * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += states.get(offset + d);
                }
            }
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                sum[d] /= Math.max(count, 1);
                norm += sum[d] * sum[d];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int d = 0; d < dimension; d++) {
                out[b][d] = (float) (sum[d] * scale);
            }
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            // closing releases native memory only; a failure here changes no result
        }
    }
}
