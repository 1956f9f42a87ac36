package io.glostream.trainer.embeddings;

import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word vectors in the word2vec/fastText text format ({@code .vec}, optionally gzipped): an optional
 * {@code "count dim"} header, then one {@code word v1 ... vd} line per word.
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

    public static WordVectors load(Path path) {
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
