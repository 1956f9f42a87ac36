package io.glostream.trainer.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.testdata.SharedData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shared EC News benchmark, loaded as the trainer sees it (skipped without ../shared). */
class BenchmarkDatasetTest {

    @Test
    void loadsEcNewsInBothLanguages() {
        Path dir = SharedData.file("ec_news/vocab_en.gz").getParent();
        assertTrue(BenchmarkDataset.isBenchmarkLayout(dir, "zh"));

        BenchmarkDataset.Language en = BenchmarkDataset.load(dir, "en");
        assertEquals(5000, en.vocabulary().size());
        assertEquals(37480, en.train().size());
        assertEquals(9370, en.test().size());
        assertEquals(100, en.vectors().dimension());
        assertEquals(5000, en.vectors().coverage(en.vocabulary().words()));
        assertEquals("ec_news-en-train-0", en.train().get(0).id());
        assertTrue(en.train().stream().allMatch(d -> d.label().getAsInt() >= 1 && d.label().getAsInt() <= 6));

        BenchmarkDataset.Language zh = BenchmarkDataset.load(dir, "zh");
        assertEquals(40000, zh.train().size());
        assertEquals(10000, zh.test().size());
        assertTrue(zh.test().stream().noneMatch(d -> d.label().getAsInt() == 6), "test-zh lacks class 6");
        // every token of the preprocessed texts is in the vocabulary (data README)
        assertTrue(Arrays.stream(zh.train().get(0).text().split(" ")).allMatch(zh.vocabulary()::contains));
    }
}
