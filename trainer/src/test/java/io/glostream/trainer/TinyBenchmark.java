package io.glostream.trainer;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.ints;
import static io.glostream.core.bundle.NpyTestFiles.longs;
import static io.glostream.core.bundle.NpyTestFiles.npy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tiny bilingual corpus in the shared benchmark layout ({@code vocab_<sfx>.gz}, gzipped texts and labels,
 * {@code word2vec_<sfx>.npz} as scipy CSC holding dense rows) with a zh-en dictionary beside it: two themes
 * of a dozen words each per language, so that a one-epoch fit on it takes seconds.
 */
public final class TinyBenchmark {

    private static final List<String> EN = List.of("apple", "banana", "cherry", "grape", "lemon", "mango", "melon",
            "peach", "pear", "plum", "berry", "orange", "river", "mountain", "forest", "valley", "ocean", "desert",
            "island", "lake", "hill", "canyon", "meadow", "glacier");
    private static final List<String> ZH = List.of("苹果", "香蕉", "樱桃", "葡萄", "柠檬", "芒果", "甜瓜", "桃子", "梨",
            "李子", "浆果", "橙子", "河流", "山脉", "森林", "山谷", "海洋", "沙漠", "岛屿", "湖泊", "小山", "峡谷", "草地", "冰川");
    /** Words per language in the full fixture. */
    public static final int MAX_WORDS = 24;
    /** Vector dimension of the word2vec files. */
    public static final int DIMENSION = 8;

    private TinyBenchmark() {
    }

    /**
     * Writes the corpus into {@code dir} (created), with the first {@code words} words of each language's
     * vocabulary (at most 24; a different size makes a model of another vocabulary).
     */
    public static Path write(Path dir, int words) throws IOException {
        if (words < 4 || words > EN.size()) {
            throw new IllegalArgumentException("words must be in [4, " + EN.size() + "], got " + words);
        }
        Files.createDirectories(dir);
        Random random = new Random(words);
        for (String sfx : new String[] {"en", "cn"}) {
            List<String> vocabulary = ("en".equals(sfx) ? EN : ZH).subList(0, words);
            gzipLines(dir.resolve("vocab_" + sfx + ".gz"), vocabulary);
            for (String split : new String[] {"train", "test"}) {
                int docs = "train".equals(split) ? 40 : 10;
                List<String> texts = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (int d = 0; d < docs; d++) {
                    int theme = d % 2;
                    texts.add(String.join(" ", themeWords(vocabulary, theme, random, 6)));
                    labels.add(Integer.toString(theme + 1));
                }
                gzipLines(dir.resolve(split + "_texts_" + sfx + ".txt.gz"), texts);
                gzipLines(dir.resolve(split + "_labels_" + sfx + ".txt.gz"), labels);
            }
            writeVectors(dir, sfx, vectors(words));
        }
        List<String> dictionary = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            dictionary.add(ZH.get(w) + "\t" + EN.get(w));
        }
        gzipLines(dir.resolve("dict-zh-en.tsv.gz"), dictionary);
        return dir;
    }

    /** Row-major {@code words x DIMENSION} vectors: each theme's words point along their own axes. */
    private static float[][] vectors(int words, Random random) {
        float[][] rows = new float[words][DIMENSION];
        for (int w = 0; w < words; w++) {
            int theme = w < words / 2 ? 0 : 1;
            for (int c = 0; c < DIMENSION; c++) {
                rows[w][c] = (float) (random.nextGaussian() * 0.1 + (c % 2 == theme ? 1 : 0));
            }
        }
        return rows;
    }

    /** {@code scipy.sparse.save_npz} of a dense matrix as CSC, the layout of the benchmark's word2vec files. */
    public static byte[] word2vec(float[][] rows) throws IOException {
        int n = rows.length;
        int d = rows[0].length;
        float[] data = new float[n * d];
        int[] indices = new int[n * d];
        int[] indptr = new int[d + 1];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < n; r++) {
                data[c * n + r] = rows[r][c];
                indices[c * n + r] = r;
            }
            indptr[c + 1] = (c + 1) * n;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "data.npy", npy("<f4", data.length + ",", floats(data)));
            put(zip, "indices.npy", npy("<i4", indices.length + ",", ints(indices)));
            put(zip, "indptr.npy", npy("<i4", indptr.length + ",", ints(indptr)));
            put(zip, "shape.npy", npy("<i8", "2,", longs(n, d)));
            put(zip, "format.npy", npy("|S3", "", "csc".getBytes(StandardCharsets.US_ASCII)));
        }
        return bytes.toByteArray();
    }

    /** Rewrites a language's word2vec file with {@code rows}. */
    public static void writeVectors(Path dir, String sfx, float[][] rows) throws IOException {
        Files.write(dir.resolve("word2vec_" + sfx + ".npz"), word2vec(rows));
    }

    /** The vectors {@link #write} makes for a vocabulary of {@code words}, to alter one and write them back. */
    public static float[][] vectors(int words) {
        return vectors(words, new Random(words));
    }

    public static void gzipLines(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static List<String> themeWords(List<String> vocabulary, int theme, Random random, int count) {
        int half = vocabulary.size() / 2;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(vocabulary.get(theme * half + random.nextInt(half)));
        }
        return words;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
