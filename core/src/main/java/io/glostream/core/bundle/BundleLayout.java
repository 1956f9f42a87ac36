package io.glostream.core.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the files a complete GloCTM bundle holds beside {@code manifest.json}, in one place for the
 * exporter that writes them and the loader that reads them:
 * <ul>
 *   <li>{@code vocab-<lang>.txt}: the language's vocabulary, one word per line (see {@code Vocabulary.save});</li>
 *   <li>{@code neighbours-<lang>.tsv}: the language's rows of the neighbour table (what
 *       {@code NeighbourTable.save} writes);</li>
 *   <li>{@code encoder-<name>.onnx}: the {@code global} encoder and one per language
 *       ({@link EncoderSpec#conventionalFile});</li>
 *   <li>{@value #TOPIC_WORD_FILE}: the topic-word matrix {@code [K, V1 + V2]}, float32 little-endian in C
 *       order, NumPy {@code .npy} format 1.0 (see {@link NpyFloatMatrix}), so Python reads it with
 *       {@code numpy.load};</li>
 *   <li>{@value #TOPICS_FILE}: per topic, its {@value #TOP_WORDS} most probable words of each language,
 *       {@code [{"topic": 0, "words": {"en": [...], "zh": [...]}}, ...]}.</li>
 * </ul>
 */
public final class BundleLayout {

    /** The topic-word matrix. */
    public static final String TOPIC_WORD_FILE = "topic-word.npy";
    /** The top words of every topic per language. */
    public static final String TOPICS_FILE = "topics.json";
    /** Words listed per topic and language in {@value #TOPICS_FILE}. */
    public static final int TOP_WORDS = 15;

    private BundleLayout() {
    }

    /** {@code vocab-<lang>.txt}. */
    public static String vocabularyFile(String language) {
        return "vocab-" + language + ".txt";
    }

    /** {@code neighbours-<lang>.tsv}, the name {@code NeighbourTable.save} gives the language's rows. */
    public static String neighbourFile(String language) {
        return "neighbours-" + language + ".tsv";
    }

    /** {@code encoder-<name>.onnx}, for {@code global} or a language. */
    public static String encoderFile(String encoderName) {
        return EncoderSpec.conventionalFile(encoderName);
    }

    /** Every file besides the encoders that a bundle for {@code languages} must hold, in a stable order. */
    public static List<String> requiredDataFiles(List<String> languages) {
        List<String> files = new ArrayList<>();
        for (String language : languages) {
            files.add(vocabularyFile(language));
            files.add(neighbourFile(language));
        }
        files.add(TOPIC_WORD_FILE);
        files.add(TOPICS_FILE);
        return List.copyOf(files);
    }
}
