package io.glostream.core.vocab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * An immutable, ordered set of words: the word at index {@code i} is column {@code i} of every
 * bag-of-words built over it. Words are non-blank and free of whitespace, so the one-word-per-line
 * file format of the benchmark data holds any vocabulary.
 */
public final class Vocabulary {

    private static final byte NEWLINE = '\n';
    private static final byte CARRIAGE_RETURN = '\r';
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> words;
    private final Map<String, Integer> indices;
    private volatile String sha256;

    private Vocabulary(List<String> words, Map<String, Integer> indices) {
        this.words = words;
        this.indices = indices;
    }

    /**
     * The vocabulary whose word {@code i} is {@code words.get(i)}.
     *
     * @throws IllegalArgumentException for an empty list, or a null, blank, duplicate or
     *                                  whitespace-containing word (the message gives its index)
     */
    public static Vocabulary of(List<String> words) {
        Objects.requireNonNull(words, "words");
        return build(words, i -> "index " + i, i -> "index " + i, "a vocabulary needs at least one word");
    }

    /**
     * Reads a vocabulary file: UTF-8, one word per line, line {@code n} (1-based) holding the word of
     * index {@code n - 1}. Gzip-compressed files are recognised by their content and decompressed.
     * Windows line ends and a leading byte-order mark are tolerated.
     *
     * @throws VocabularyFormatException naming the file and line, for invalid UTF-8, blank lines,
     *                                   duplicates, words with whitespace, corrupt gzip data or no words
     */
    public static Vocabulary load(Path file) throws IOException {
        byte[] content = readPossiblyGzipped(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != NEWLINE) {
                end++;
            }
            int wordEnd = end > start && content[end - 1] == CARRIAGE_RETURN ? end - 1 : end;
            try {
                lines.add(utf8.decode(ByteBuffer.wrap(content, start, wordEnd - start)).toString());
            } catch (CharacterCodingException e) {
                throw new VocabularyFormatException(file + ":" + (lines.size() + 1) + ": not valid UTF-8", e);
            }
            start = end + 1;
        }
        try {
            return build(lines, i -> file + ":" + (i + 1), i -> "line " + (i + 1), file + ": no words");
        } catch (IllegalArgumentException e) {
            throw new VocabularyFormatException(e.getMessage());
        }
    }

    /**
     * Writes the vocabulary in the format {@link #load} reads, gzip-compressed when the file name
     * ends in {@code .gz}. The uncompressed bytes are the canonical content that {@link #sha256}
     * hashes.
     */
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(canonicalContent());
                }
            } else {
                out.write(canonicalContent());
            }
        }
    }

    public int size() {
        return words.size();
    }

    /** Index of {@code word}, or -1 when it is not in the vocabulary. */
    public int indexOf(String word) {
        Objects.requireNonNull(word, "word");
        Integer index = indices.get(word);
        return index == null ? -1 : index;
    }

    public boolean contains(String word) {
        return indexOf(word) >= 0;
    }

    /** The word at {@code index}. */
    public String word(int index) {
        Objects.checkIndex(index, words.size());
        return words.get(index);
    }

    /** All words in index order, unmodifiable. */
    public List<String> words() {
        return words;
    }

    /**
     * Hex SHA-256 of the canonical content: each word in UTF-8 followed by {@code \n}, which is
     * exactly an uncompressed file written by {@link #save}. Recorded in model bundles for provenance.
     */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            try {
                hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalContent()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
            sha256 = hash;
        }
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other && words.equals(other.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + words.size() + " words, first " + words.get(0) + "]";
    }

    /**
     * Why {@code word} cannot be in a vocabulary, or null when it can. Shared with
     * {@link VocabularyBuilder} so that bad tokens are refused where they come in.
     */
    static String problemWith(String word) {
        if (word == null) {
            return "null word";
        }
        if (word.isBlank()) {
            return "blank word";
        }
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85) {
                return "word " + quoted(word) + " contains whitespace";
            }
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                return "word " + quoted(word) + " contains an unpaired surrogate";
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    static String quoted(String word) {
        return "\"" + word + "\"";
    }

    // position names a word for the start of a message, reference names an earlier one inside it.
    private static Vocabulary build(List<String> words, IntFunction<String> position, IntFunction<String> reference,
            String emptyMessage) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(emptyMessage);
        }
        Map<String, Integer> indices = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String problem = problemWith(word);
            if (problem != null) {
                throw new IllegalArgumentException(position.apply(i) + ": " + problem);
            }
            Integer first = indices.putIfAbsent(word, i);
            if (first != null) {
                throw new IllegalArgumentException(position.apply(i) + ": duplicate word " + quoted(word)
                        + " (first at " + reference.apply(first) + ")");
            }
        }
        return new Vocabulary(List.copyOf(words), indices);
    }

    private byte[] canonicalContent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(words.size() * 8);
        for (String word : words) {
            out.writeBytes(word.getBytes(StandardCharsets.UTF_8));
            out.write(NEWLINE);
        }
        return out.toByteArray();
    }

    private static byte[] readPossiblyGzipped(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new VocabularyFormatException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
