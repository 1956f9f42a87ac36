package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glostream.trainer.corpus.CorpusFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCorpusFilesTest {

    @TempDir
    Path dir;

    @Test
    void pairedFilesAreReadLineByLineInOrder() throws IOException {
        Files.writeString(dir.resolve("en.txt"), "cat dog\ncar\n");
        Files.writeString(dir.resolve("zh.txt"), "猫 狗\n车\n");
        ReferenceCorpusFiles corpus = ReferenceCorpusFiles.open(dir, "en", "zh");
        assertEquals(ReferenceCorpusFiles.Layout.PAIRED_FILES, corpus.layout());
        assertEquals(List.of("cat dog|猫 狗", "car|车"), pairs(corpus));
    }

    /*
     * The CNPMI repository's ref_corpus/wikicomp-2014_enzh/ holds five chunks of 20,000 pairs named
     * wikicomp-2014_enzh.xml_<first>-<last>_<lang>.txt (configs/ref_corpus/en_zh.yaml lists them); CNPMI.py
     * reads each line stripped, one document per line, tokens split on whitespace, and counts
     * the chunks' windows together. Two tiny chunks in that layout, plus an unrelated file:
     */
    @Test
    void officialChunksAreFoundByTheirLanguageSuffixAndReadTogether() throws IOException {
        Path wikicomp = Files.createDirectory(dir.resolve("wikicomp-2014_enzh"));
        Files.writeString(wikicomp.resolve("wikicomp-2014_enzh.xml_1-2_en.txt"), "apple pie\nbanana\n");
        Files.writeString(wikicomp.resolve("wikicomp-2014_enzh.xml_1-2_zh.txt"), "苹果 派\n香蕉\n");
        Files.writeString(wikicomp.resolve("wikicomp-2014_enzh.xml_3-3_en.txt"), "cherry");
        Files.writeString(wikicomp.resolve("wikicomp-2014_enzh.xml_3-3_zh.txt"), "樱桃");
        Files.writeString(wikicomp.resolve("README"), "not a chunk");
        ReferenceCorpusFiles corpus = ReferenceCorpusFiles.open(wikicomp, "en", "zh");
        assertEquals(ReferenceCorpusFiles.Layout.OFFICIAL_CHUNKS, corpus.layout());
        assertEquals(2, corpus.filePairs().size());
        assertEquals(List.of("apple pie|苹果 派", "banana|香蕉", "cherry|樱桃"), pairs(corpus));
    }

    @Test
    void officialChunksCountAsOneCorpus() throws IOException {
        Files.writeString(dir.resolve("c.xml_1-2_en.txt"), "sun moon\nsun\n");
        Files.writeString(dir.resolve("c.xml_1-2_zh.txt"), "日\n日 月\n");
        Files.writeString(dir.resolve("c.xml_3-3_en.txt"), "rain\n");
        Files.writeString(dir.resolve("c.xml_3-3_zh.txt"), "雨\n");
        ReferenceCounts counts = ReferenceCounts.count(ReferenceCorpusFiles.open(dir, "en", "zh"),
                List.of("sun", "rain"), List.of("日"));
        assertEquals(3, counts.windows());
        assertEquals(2, counts.coDocuments("sun", "日"));
        assertEquals(0, counts.coDocuments("rain", "日"));
    }

    @Test
    void gzipCompressedFilesAreRead() throws IOException {
        gzip(dir.resolve("en.txt.gz"), "one\ntwo\n");
        gzip(dir.resolve("ja.txt.gz"), "一\n二\n");
        assertEquals(List.of("one|一", "two|二"), pairs(ReferenceCorpusFiles.open(dir, "en", "ja")));
    }

    @Test
    void alignedFilesOfDifferentLengthsAreRefusedWhenRead() throws IOException {
        Files.writeString(dir.resolve("en.txt"), "a\nb\nc\n");
        Files.writeString(dir.resolve("zh.txt"), "甲\n乙\n");
        ReferenceCorpusFiles corpus = ReferenceCorpusFiles.open(dir, "en", "zh");
        assertThrows(CorpusFormatException.class, () -> pairs(corpus));
    }

    @Test
    void aChunkWithoutItsPartnerIsRefused() throws IOException {
        Files.writeString(dir.resolve("w.xml_1-2_en.txt"), "a\n");
        assertThrows(CorpusFormatException.class, () -> ReferenceCorpusFiles.open(dir, "en", "zh"));
    }

    @Test
    void aDirectoryWithNeitherLayoutIsRefused() throws IOException {
        Files.writeString(dir.resolve("en.txt"), "a\n");
        assertThrows(CorpusFormatException.class, () -> ReferenceCorpusFiles.open(dir, "en", "zh"));
    }

    @Test
    void theSameLanguageTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceCorpusFiles.open(dir, "en", "en"));
    }

    private static List<String> pairs(AlignedCorpus corpus) {
        List<String> pairs = new ArrayList<>();
        corpus.forEachPair((a, b) -> pairs.add(a + "|" + b));
        return pairs;
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
