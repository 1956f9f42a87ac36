package io.glostream.core.neighbours;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Intra- and cross-lingual word neighbours for a language pair, the input of polyglot augmentation.
 * Languages are addressed by position: 0 for the first, 1 for the second, the order of the joint
 * vocabulary layout.
 *
 * <p>For word {@code w} of language {@code l}, {@link #intra(int, int)} lists indices into the same
 * vocabulary and {@link #cross(int, int)} indices into the other language's vocabulary. A row holds
 * at most {@link #k()} distinct, in-range indices and may hold fewer (a dictionary-built table can
 * lack neighbours). A word may list itself among its intra neighbours.
 *
 * <p>Persisted as one UTF-8 text file per language, {@code neighbours-<lang>.tsv}, whose line
 * {@code i} describes word {@code i}: space-separated intra indices, a tab, space-separated cross
 * indices.
 */
public final class NeighbourTable {

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

    private final List<String> languages;
    private final int k;
    /** {@code intra[l][w]} and {@code cross[l][w]}: owned, never handed out. */
    private final int[][][] intra;
    private final int[][][] cross;

    private NeighbourTable(List<String> languages, int k, int[][][] intra, int[][][] cross) {
        this.languages = languages;
        this.k = k;
        this.intra = intra;
        this.cross = cross;
    }

    /**
     * A table from rows built elsewhere, for example dictionary-led cross-lingual neighbours. The
     * rows are copied.
     *
     * @throws IllegalArgumentException if the languages are equal or not simple codes, {@code k} is
     *     negative (0 is a table without neighbours: augmentation off), a vocabulary is empty, intra and
     *     cross rows differ in number, or a row is longer than {@code k}, repeats an index or has one
     *     outside its vocabulary
     */
    public static NeighbourTable of(int k, LanguageNeighbours first, LanguageNeighbours second) {
        List<String> languages = checkLanguages(first.language(), second.language());
        checkK(k);
        int[] sizes = {first.intra().length, second.intra().length};
        LanguageNeighbours[] sides = {first, second};
        int[][][] intra = new int[2][][];
        int[][][] cross = new int[2][][];
        for (int l = 0; l < 2; l++) {
            LanguageNeighbours side = sides[l];
            checkVocabularySize(side.language(), sizes[l]);
            if (side.cross().length != sizes[l]) {
                throw new IllegalArgumentException(side.language() + ": " + sizes[l] + " intra rows but "
                        + side.cross().length + " cross rows");
            }
            intra[l] = new int[sizes[l]][];
            cross[l] = new int[sizes[l]][];
            for (int w = 0; w < sizes[l]; w++) {
                String where = side.language() + " word " + w + ": ";
                intra[l][w] = checkRow(side.intra()[w], k, sizes[l], where + "intra").clone();
                cross[l][w] = checkRow(side.cross()[w], k, sizes[1 - l], where + "cross").clone();
            }
        }
        return new NeighbourTable(languages, k, intra, cross);
    }

    /**
     * The exact neighbour table of two cross-lingually aligned embedding matrices: for every word,
     * its {@code k} most cosine-similar other words of its own language and its {@code k} most
     * cosine-similar words of the other language, best first.
     *
     * @param threads threads for the search
     * @throws IllegalArgumentException if the embeddings differ in dimension, or as {@link #of}
     */
    public static NeighbourTable compute(String lang1, String lang2, EmbeddingMatrix e1, EmbeddingMatrix e2,
            int k, int threads) {
        List<String> languages = checkLanguages(lang1, lang2);
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive for a neighbour search, got " + k);
        }
        if (e1.dimension() != e2.dimension()) {
            throw new IllegalArgumentException("aligned embeddings must share a dimension, got "
                    + e1.dimension() + " for " + lang1 + " and " + e2.dimension() + " for " + lang2);
        }
        CosineNeighbourSearch search = new CosineNeighbourSearch(threads);
        EmbeddingMatrix[] embeddings = {e1, e2};
        int[][][] intra = new int[2][][];
        int[][][] cross = new int[2][][];
        for (int l = 0; l < 2; l++) {
            intra[l] = rows(search.searchWithin(embeddings[l], k));
            cross[l] = rows(search.search(embeddings[l], embeddings[1 - l], k));
        }
        return new NeighbourTable(languages, k, intra, cross);
    }

    private static int[][] rows(NearestNeighbours found) {
        int[][] rows = new int[found.queries()][];
        for (int q = 0; q < rows.length; q++) {
            rows[q] = found.indices(q);
        }
        return rows;
    }

    /** The two language codes, in layout order. */
    public List<String> languages() {
        return languages;
    }

    /**
     * The position (0 or 1) of a language code.
     *
     * @throws IllegalArgumentException if the table is not for that language
     */
    public int languageIndex(String language) {
        int l = languages.indexOf(language);
        if (l < 0) {
            throw new IllegalArgumentException("no neighbours for language " + language + ", only " + languages);
        }
        return l;
    }

    /** Number of words of language {@code l}. */
    public int vocabularySize(int l) {
        checkLanguageIndex(l);
        return intra[l].length;
    }

    /** The nominal number of neighbours per row; rows may hold fewer. */
    public int k() {
        return k;
    }

    /** A copy of the intra-lingual neighbours of word {@code w} of language {@code l}. */
    public int[] intra(int l, int w) {
        checkWord(l, w);
        return intra[l][w].clone();
    }

    /** A copy of the cross-lingual neighbours, indices into the other language, of word {@code w}. */
    public int[] cross(int l, int w) {
        checkWord(l, w);
        return cross[l][w].clone();
    }

    /**
     * Writes {@code neighbours-<lang>.tsv} for both languages into {@code dir}, creating it if needed
     * and replacing files of those names.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int l = 0; l < 2; l++) {
            try (BufferedWriter out = Files.newBufferedWriter(fileFor(dir, languages.get(l)), StandardCharsets.UTF_8)) {
                for (int w = 0; w < intra[l].length; w++) {
                    writeIndices(out, intra[l][w]);
                    out.write('\t');
                    writeIndices(out, cross[l][w]);
                    out.write('\n');
                }
            }
        }
    }

    private static void writeIndices(BufferedWriter out, int[] indices) throws IOException {
        for (int i = 0; i < indices.length; i++) {
            if (i > 0) {
                out.write(' ');
            }
            out.write(Integer.toString(indices[i]));
        }
    }

    /**
     * Reads a table written by {@link #save}, checking it against the vocabularies it must serve.
     *
     * @throws IOException if a file cannot be read, or is corrupt: wrong number of lines, a line
     *     that is not two tab-separated index lists, an index out of range or repeated, or a row
     *     longer than {@code k}; the message names the file and line
     * @throws IllegalArgumentException if the arguments themselves are invalid
     */
    public static NeighbourTable load(Path dir, String lang1, String lang2, int vocabularySize1,
            int vocabularySize2, int k) throws IOException {
        List<String> languages = checkLanguages(lang1, lang2);
        checkK(k);
        int[] sizes = {vocabularySize1, vocabularySize2};
        int[][][] intra = new int[2][][];
        int[][][] cross = new int[2][][];
        for (int l = 0; l < 2; l++) {
            checkVocabularySize(languages.get(l), sizes[l]);
            intra[l] = new int[sizes[l]][];
            cross[l] = new int[sizes[l]][];
            readRows(fileFor(dir, languages.get(l)), k, sizes[l], sizes[1 - l], intra[l], cross[l]);
        }
        return new NeighbourTable(languages, k, intra, cross);
    }

    private static void readRows(Path file, int k, int ownSize, int otherSize, int[][] intra, int[][] cross)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (lineNumber > ownSize) {
                    throw corrupt(file, lineNumber, "more lines than the " + ownSize + " words of the vocabulary");
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                    throw corrupt(file, lineNumber, "expected intra and cross indices separated by one tab");
                }
                try {
                    int w = lineNumber - 1;
                    intra[w] = checkRow(parseIndices(line.substring(0, tab)), k, ownSize, "intra");
                    cross[w] = checkRow(parseIndices(line.substring(tab + 1)), k, otherSize, "cross");
                } catch (IllegalArgumentException e) {
                    throw corrupt(file, lineNumber, e.getMessage());
                }
            }
            if (lineNumber < ownSize) {
                throw corrupt(file, lineNumber + 1,
                        "file ends after " + lineNumber + " lines, the vocabulary has " + ownSize + " words");
            }
        }
    }

    private static int[] parseIndices(String field) {
        if (field.isEmpty()) {
            return new int[0];
        }
        String[] tokens = field.split(" ", -1);
        int[] indices = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (!INDEX.matcher(tokens[i]).matches()) {
                throw new IllegalArgumentException("'" + tokens[i] + "' is not a neighbour index");
            }
            indices[i] = Integer.parseInt(tokens[i]);
        }
        return indices;
    }

    private static IOException corrupt(Path file, int line, String problem) {
        return new IOException(file + ":" + line + ": " + problem);
    }

    private static Path fileFor(Path dir, String language) {
        return dir.resolve("neighbours-" + language + ".tsv");
    }

    /** Returns {@code row} if it fits a table of this k and vocabulary; {@code what} prefixes the message. */
    private static int[] checkRow(int[] row, int k, int vocabularySize, String what) {
        if (row == null) {
            throw new IllegalArgumentException(what + " neighbours missing");
        }
        if (row.length > k) {
            throw new IllegalArgumentException(what + " neighbours: " + row.length + " listed, more than k = " + k);
        }
        for (int index : row) {
            if (index < 0 || index >= vocabularySize) {
                throw new IllegalArgumentException(
                        what + " neighbour " + index + " outside [0, " + vocabularySize + ")");
            }
        }
        int[] sorted = row.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(what + " neighbour " + sorted[i] + " listed twice");
            }
        }
        return row;
    }

    private static List<String> checkLanguages(String lang1, String lang2) {
        for (String language : new String[] {lang1, lang2}) {
            if (language == null || !LANGUAGE_CODE.matcher(language).matches()) {
                throw new IllegalArgumentException(
                        "language code must be letters, digits, '-' or '_', got " + language);
            }
        }
        if (lang1.equals(lang2)) {
            throw new IllegalArgumentException("a neighbour table needs two different languages, got " + lang1 + " twice");
        }
        return List.of(lang1, lang2);
    }

    private static void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0 (0: no neighbours), got " + k);
        }
    }

    private static void checkVocabularySize(String language, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException(language + ": vocabulary size must be positive, got " + size);
        }
    }

    private void checkLanguageIndex(int l) {
        if (l != 0 && l != 1) {
            throw new IndexOutOfBoundsException("language index " + l + " is not 0 or 1");
        }
    }

    private void checkWord(int l, int w) {
        checkLanguageIndex(l);
        if (w < 0 || w >= intra[l].length) {
            throw new IndexOutOfBoundsException(
                    languages.get(l) + " word " + w + " outside [0, " + intra[l].length + ")");
        }
    }

    /** Equal when languages, k and every row are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NeighbourTable other
                && k == other.k
                && languages.equals(other.languages)
                && Arrays.deepEquals(intra, other.intra)
                && Arrays.deepEquals(cross, other.cross);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * languages.hashCode() + k) + Arrays.deepHashCode(intra)) + Arrays.deepHashCode(cross);
    }

    @Override
    public String toString() {
        return "NeighbourTable[" + languages.get(0) + " " + intra[0].length + " words, " + languages.get(1) + " "
                + intra[1].length + " words, k = " + k + "]";
    }
}
