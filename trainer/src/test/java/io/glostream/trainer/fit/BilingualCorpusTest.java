package io.glostream.trainer.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.SharedData;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.RawDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BilingualCorpusTest {

    private static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");

    @Test
    void benchmarkTextsAreAnalysedIntoExactlyTheirOwnTokens() {
        Path ecNews = SharedData.file("ec_news/vocab_en.gz").getParent();
        BilingualCorpus corpus = BilingualCorpus.load(ecNews, List.of("en", "cn"), null, Map.of(), false, 500);

        assertEquals(List.of("en", "zh"), corpus.languages());
        assertTrue(corpus.hasFixedVocabularies());
        assertEquals(ecNews.resolve("../dict/ch_en_dict.dat.gz").normalize(), corpus.dictionary());
        for (BilingualCorpus.Side side : corpus.sides()) {
            assertEquals(500, side.train().size());
            assertEquals(500, side.test().size());
            TextAnalyzer analyzer = LanguageAnalyzers.create(side.lang(), side.analyzer());
            for (RawDocument doc : side.train()) {
                assertEquals(Arrays.asList(doc.text().split(" ")), analyzer.analyze(doc.text()), doc.id());
            }
        }
    }

    @Test
    void jsonlDataBuildsItsOwnVocabularies() {
        BilingualCorpus corpus = BilingualCorpus.load(SAMPLE, List.of("en", "zh"), null, Map.of(), true, 0);
        assertEquals(420, corpus.sides().get(1).train().size());
        assertEquals(150, corpus.sides().get(1).test().size(), "the sample's zh.test.jsonl");
        assertNull(corpus.sides().get(0).fixedVocabulary());
        assertTrue(corpus.sides().get(1).analyzer().pretokenized());
        assertEquals(SAMPLE.resolve("dict-zh-en.tsv.gz"), corpus.dictionary());
    }

    @Test
    void refusesMissingPiecesWithTheFileToProvide() {
        CorpusFormatException noCorpus = assertThrows(CorpusFormatException.class,
                () -> BilingualCorpus.load(SAMPLE, List.of("en", "ja"), null, Map.of(), false, 0));
        assertEquals(SAMPLE.resolve("ja.jsonl") + ": no such file", noCorpus.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BilingualCorpus.load(SAMPLE, List.of("en", "zh"), SAMPLE.resolve("nope.tsv"), Map.of(), false, 0));
        assertThrows(IllegalArgumentException.class,
                () -> BilingualCorpus.load(SAMPLE, List.of("en", "zh"), null, Map.of(), false, -1));
    }
}
