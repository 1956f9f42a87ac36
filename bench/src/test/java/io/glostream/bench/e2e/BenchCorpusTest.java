package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {

    private static final Path DATA = Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");

    @Test
    void mixedStreamsAlternateLanguagesWithUniqueIdsThatNameTheirIndex() throws Exception {
        BenchCorpus corpus = BenchCorpus.load(DATA, LangMix.MIXED);
        int count = 3 * corpus.distinctTexts();
        List<BenchCorpus.BenchDocument> documents = corpus.documents(0, count);
        Set<String> ids = new HashSet<>();
        for (BenchCorpus.BenchDocument document : documents) {
            assertEquals(document.index() % 2 == 0 ? "en" : "zh", document.lang());
            assertTrue(ids.add(document.id()), "duplicate id " + document.id());
            assertEquals(document.index(), BenchCorpus.indexOf(document.id()));
            assertFalse(document.text().isBlank());
        }
        // Texts repeat once the corpus is used up.
        assertEquals(corpus.document(0).text(), corpus.document(2 * (corpus.distinctTexts() / 2)).text());
    }

    @Test
    void chineseArrivesWithoutSegmentationSpaces() throws Exception {
        BenchCorpus corpus = BenchCorpus.load(DATA, LangMix.ZH);
        for (BenchCorpus.BenchDocument document : corpus.documents(0, 50)) {
            assertEquals("zh", document.lang());
            assertFalse(document.text().matches(".*\\p{IsHan}\\s+\\p{IsHan}.*"), document.text());
        }
    }

    @Test
    void idsOfOtherRecordsHaveNoIndex() {
        assertEquals(-1, BenchCorpus.indexOf("bad-empty"));
        assertEquals(-1, BenchCorpus.indexOf(null));
        assertEquals(-1, BenchCorpus.indexOf("en-x"));
        assertEquals(42, BenchCorpus.indexOf("zh-42"));
    }

    @Test
    void ratesAreShares_perSecond_orOff() {
        assertEquals(Optional.empty(), LatencyRate.parse("off"));
        assertEquals(500, LatencyRate.parse("50%").orElseThrow().perSecond(1000), 1e-9);
        assertEquals(300, LatencyRate.parse("300/s").orElseThrow().perSecond(1000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LatencyRate.parse("150%"));
        assertThrows(IllegalArgumentException.class, () -> LatencyRate.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> LangMix.parse("fr"));
    }
}
