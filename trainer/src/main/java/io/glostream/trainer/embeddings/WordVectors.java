package io.glostream.trainer.embeddings;

import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.TextFiles;
import java.io.BufferedReader;
import io.glostream.core.bundle.NpyArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word vectors of one language, from either of two file forms:
 * <ul>
 *   <li>the word2vec/fastText text format ({@code .vec}, optionally gzipped): an optional {@code "count dim"}
 *   header, then one {@code word v1 ... vd} line per word;</li>
 *   <li>a NumPy {@code .npy} matrix {@code [words x d]} (float32 or float64) with its vocabulary beside it:
 *   {@code NAME.vocab} or else {@code NAME.txt} for {@code NAME.npy}, UTF-8, one word per line, line i naming
 *   row i.</li>
 * </ul>
 */
public final class WordVectors {

    private final int dimension;
    private final Map<String, float[]> vectors;

    private WordVectors(int dimension, Map<String, float[]> vectors) {
        this.dimension = dimension;
        this.vectors = vectors;
    }

    public static WordVectors of(int dimension, Map<String, float[]> vectors) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        vectors.forEach((word, v) -> {
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector of \"" + word + "\" has " + v.length
                        + " dimensions, expected " + dimension);
            }
        });
        return new WordVectors(dimension, Map.copyOf(vectors));
    }

    /** Loads {@code .npy} (with its vocabulary file) or {@code .vec} text, by the file name's extension. */
    public static WordVectors load(Path path) {
        return path.getFileName().toString().endsWith(".npy") ? loadNpy(path) : loadText(path);
    }

    /** The vocabulary file of {@code NAME.npy}: {@code NAME.vocab} if it exists, else {@code NAME.txt}. */
    public static Path vocabularyFileOf(Path npy) {
        String name = npy.getFileName().toString();
        String base = name.substring(0, name.length() - ".npy".length());
        Path vocab = npy.resolveSibling(base + ".vocab");
        Path txt = npy.resolveSibling(base + ".txt");
        if (Files.exists(vocab)) {
            return vocab;
        }
        if (Files.exists(txt)) {
            return txt;
        }
        throw new CorpusFormatException(npy + ": no vocabulary beside it (expected " + vocab.getFileName() + " or "
                + txt.getFileName() + ", one word per line for each row)");
    }

    private static WordVectors loadNpy(Path path) {
        if (!Files.exists(path)) {
            throw new CorpusFormatException(path + ": no such file");
        }
        Path vocabFile = vocabularyFileOf(path);
        NpyArray array;
        float[] values;
        List<String> words;
        try {
            array = NpyArray.parse(path.toString(), Files.readAllBytes(path));
            if (!array.dtype().equals("<f4") && !array.dtype().equals("<f8")) {
                throw new CorpusFormatException(path + ": dtype " + array.dtype() + " is not float32 or float64");
            }
            if (array.shape().length != 2 || array.shape()[0] < 1 || array.shape()[1] < 1) {
                throw new CorpusFormatException(path + ": shape " + Arrays.toString(array.shape())
                        + " is not [words x dimensions]");
            }
            values = array.toFloats();
            words = Files.readAllLines(vocabFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorpusFormatException(e.getMessage(), e);
        }
        int rows = (int) array.shape()[0];
        int dimension = (int) array.shape()[1];
        if (words.size() != rows) {
            throw new CorpusFormatException(path + ": " + rows + " rows but " + vocabFile.getFileName() + " has "
                    + words.size() + " words (one word per row)");
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            String word = words.get(r).strip();
            if (word.isEmpty()) {
                throw new CorpusFormatException(vocabFile + ":" + (r + 1) + ": empty word");
            }
            float[] v = Arrays.copyOfRange(values, r * dimension, (r + 1) * dimension);
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    throw new CorpusFormatException(path + ": row " + r + " (\"" + word + "\") has a NaN or infinite value");
                }
            }
            if (vectors.put(word, v) != null) {
                throw new CorpusFormatException(vocabFile + ":" + (r + 1) + ": duplicate word \"" + word + "\"");
            }
        }
        return new WordVectors(dimension, Collections.unmodifiableMap(vectors));
    }

    private static WordVectors loadText(Path path) {
        Map<String, float[]> vectors = new HashMap<>();
        int dimension = -1;
        try (BufferedReader reader = TextFiles.open(path)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String[] parts = line.trim().split(" +");
                if (parts.length == 1 && parts[0].isEmpty()) {
                    continue;
                }
                if (lineNo == 1 && parts.length == 2 && isInteger(parts[0]) && isInteger(parts[1])) {
                    continue;
                }
                if (parts.length < 2) {
                    throw new CorpusFormatException(path + ":" + lineNo + ": expected a word followed by numbers");
                }
                if (dimension < 0) {
                    dimension = parts.length - 1;
                } else if (parts.length - 1 != dimension) {
                    throw new CorpusFormatException(path + ":" + lineNo + ": " + (parts.length - 1)
                            + " numbers where earlier lines have " + dimension);
                }
                float[] v = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    v[i] = parseComponent(parts[i + 1], path, lineNo);
                }
                if (vectors.put(parts[0], v) != null) {
                    throw new CorpusFormatException(path + ":" + lineNo + ": duplicate word \"" + parts[0] + "\"");
                }
            }
        } catch (IOException e) {
            throw new CorpusFormatException(path + ": " + e.getMessage(), e);
        }
        if (vectors.isEmpty()) {
            throw new CorpusFormatException(path + ": no vectors");
        }
        return new WordVectors(dimension, Collections.unmodifiableMap(vectors));
    }

    private static float parseComponent(String s, Path path, int lineNo) {
        try {
            float f = Float.parseFloat(s);
            if (Float.isFinite(f)) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new CorpusFormatException(path + ":" + lineNo + ": \"" + s + "\" is not a finite number");
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return vectors.size();
    }

    public boolean contains(String word) {
        return vectors.containsKey(word);
    }

    /** The vector of {@code word}, or null when the file had none. */
    public float[] get(String word) {
        float[] v = vectors.get(word);
        return v == null ? null : v.clone();
    }

    /**
     * Row-major {@code words.size() x dimension} matrix; words without a vector get a zero row, which has
     * cosine 0 with everything and so never becomes anyone's neighbour by similarity.
     */
    public float[] matrixFor(List<String> words) {
        float[] m = new float[words.size() * dimension];
        for (int i = 0; i < words.size(); i++) {
            float[] v = vectors.get(words.get(i));
            if (v != null) {
                System.arraycopy(v, 0, m, i * dimension, dimension);
            }
        }
        return m;
    }

    /** How many of {@code words} have a vector. */
    public int coverage(List<String> words) {
        int n = 0;
        for (String w : words) {
            if (vectors.containsKey(w)) {
                n++;
            }
        }
        return n;
    }
}
