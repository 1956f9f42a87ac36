package io.glostream.core.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFilesTest {

    @TempDir
    Path dir;

    private final Vocabulary vocabulary = Vocabulary.of(List.of("market", "北京", "stock"));

    @Test
    void savesOneWordPerLineInUtf8() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        vocabulary.save(file);
        assertArrayEquals("market\n北京\nstock\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void roundTripsThroughAPlainFile() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        vocabulary.save(file);
        assertEquals(vocabulary, Vocabulary.load(file));
    }

    @Test
    void roundTripsThroughAGzipFileWhenTheNameEndsInGz() throws IOException {
        Path file = dir.resolve("vocab-en.gz");
        vocabulary.save(file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0x1F, bytes[0] & 0xFF);
        assertEquals(0x8B, bytes[1] & 0xFF);
        assertEquals(vocabulary, Vocabulary.load(file));
    }

    @Test
    void recognisesGzipByContentWhateverTheName() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, gzip("a\nb\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a", "b"), Vocabulary.load(file).words());
    }

    @Test
    void acceptsAMissingFinalNewlineWindowsLineEndsAndAByteOrderMark() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.write(file, "\uFEFFa\r\nb\r\nc".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b", "c"), Vocabulary.load(file).words());
    }

    @Test
    void duplicateWordIsRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, "foo\nbar\nbaz\nfoo\n".getBytes(StandardCharsets.UTF_8));
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(file + ":4: duplicate word \"foo\" (first at line 1)", e.getMessage());
    }

    @Test
    void blankLineIsRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, "foo\n\nbar\n".getBytes(StandardCharsets.UTF_8));
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(file + ":2: blank word", e.getMessage());
    }

    @Test
    void wordWithSpaceIsRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, "foo\nnew york\n".getBytes(StandardCharsets.UTF_8));
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(file + ":2: word \"new york\" contains whitespace", e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'b', (byte) 0xC3, '(', '\n'});
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(file + ":2: not valid UTF-8", e.getMessage());
    }

    @Test
    void corruptGzipIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("vocab-en.gz");
        byte[] whole = gzip("a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, Arrays.copyOf(whole, whole.length - 6));
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt gzip data"), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = dir.resolve("vocab-en.txt");
        Files.write(file, new byte[0]);
        VocabularyFormatException e = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file));
        assertEquals(file + ": no words", e.getMessage());
    }

    @Test
    void loadsTheBenchmarkEnglishVocabulary() throws IOException {
        Vocabulary english = Vocabulary.load(SharedData.file("ec_news/vocab_en.gz"));
        assertEquals(5000, english.size());
        assertEquals("aaron", english.word(0));
        assertEquals("zuckerberg", english.word(4999));
        // zcat ec_news/vocab_en.gz | sha256sum
        assertEquals("8dd59e24528cb8c2e6b00d37bd6e792ddb3868d31a34ed1ee0ed3e292a0a0481", english.sha256());
    }

    @Test
    void loadsTheBenchmarkChineseVocabulary() throws IOException {
        Vocabulary chinese = Vocabulary.load(SharedData.file("ec_news/vocab_cn.gz"));
        assertEquals(5000, chinese.size());
        assertEquals("一一", chinese.word(0));
        // zcat ec_news/vocab_cn.gz | sha256sum
        assertEquals("8c61ccc1105763626ac02685450119056ea6f7b8b5358dd89477a9d4dd250850", chinese.sha256());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
