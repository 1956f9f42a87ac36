package io.glostream.trainer.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlCorpusTest {

    @TempDir
    Path dir;

    @Test
    void readsDocumentsWithOptionalLabels() throws IOException {
        Path file = write("{\"id\":\"a\",\"lang\":\"zh\",\"text\":\"足球 比赛\",\"label\":3}\n\n"
                + "{\"id\":\"b\",\"text\":\"篮球\",\"label\":\"2\"}\n{\"id\":7,\"text\":\"无\"}\n");
        List<RawDocument> docs = JsonlCorpus.read(file, "zh");
        assertEquals(List.of(
                new RawDocument("a", "zh", "足球 比赛", OptionalInt.of(3)),
                new RawDocument("b", "zh", "篮球", OptionalInt.of(2)),
                new RawDocument("7", "zh", "无", OptionalInt.empty())), docs);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"a\",\"text\":\"x\"}\\n{\"id\":\"a\",\"text\":\"y\"}|:2: duplicate id \"a\"",
        "{\"id\":\"a\"}|:1: missing \"text\"",
        "{\"text\":\"x\"}|:1: missing \"id\"",
        "{\"id\":\"a\",\"text\":\"x\",\"lang\":\"ja\"}|:1: language \"ja\" where \"en\" was expected",
        "{\"id\":\"a\",\"text\":\"x\",\"label\":\"pos\"}|:1: \"label\" must be an integer, got \"pos\"",
        "{\"id\":\"a\",\"text\":[1]}|:1: \"text\" must be a string, got ARRAY",
        "not json|:1: not valid JSON",
        "[1,2]|:1: expected a JSON object",
    })
    void refusesBadLinesNamingFileAndLine(String content, String expected) throws IOException {
        Path file = write(content.replace("\\n", "\n"));
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> JsonlCorpus.read(file, "en"));
        assertEquals(true, e.getMessage().startsWith(file + expected), e.getMessage());
    }

    @Test
    void refusesAnEmptyCorpus() throws IOException {
        Path file = write("\n\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> JsonlCorpus.read(file, "en"));
        assertEquals(file + ": no documents", e.getMessage());
    }

    @Test
    void refusesMalformedUtf8() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertThrows(CorpusFormatException.class, () -> JsonlCorpus.read(file, "en"));
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("nope.jsonl");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> JsonlCorpus.read(missing, "en"));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    private Path write(String content) throws IOException {
        Path p = dir.resolve("corpus.jsonl");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
