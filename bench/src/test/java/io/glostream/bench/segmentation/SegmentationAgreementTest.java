package io.glostream.bench.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.features.BagOfWords;
import io.glostream.core.model.TopicModel;
import io.glostream.trainer.corpus.JsonlCorpus;
import io.glostream.trainer.corpus.RawDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command on the committed sample, checked against the model's own featurisation. */
class SegmentationAgreementTest {

    private static final Path ROOT = Path.of(System.getProperty("glostream.root", ".."));
    private static final Path BUNDLE = ROOT.resolve("sample/bundle");
    private static final Path TEXTS = ROOT.resolve("sample/ec_news/zh.test.jsonl");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SegmentationAgreement.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void measuresTheSampleWithTheBundlesAnalyzerAndVocabulary(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("figures.json");

        assertEquals(0, run("--model", BUNDLE.toString(), "--input", TEXTS.toString(), "--json", json.toString()),
                err.toString());

        List<RawDocument> docs = JsonlCorpus.read(TEXTS, "zh");
        long tokens = 0;
        long known = 0;
        try (TopicModel model = TopicModel.load(BUNDLE)) {
            for (RawDocument doc : docs) {
                // training's view: the recorded analyzer's tokens as they are (featurize() would also
                // re-segment the chunks the vocabulary does not know, as serving does)
                int zh = model.featurizer().languageIndex("zh");
                BagOfWords bow = model.featurizer()
                        .featurizeTokens(zh, model.featurizer().analyzer(zh).analyze(doc.text())).bow();
                tokens += bow.tokens();
                known += bow.tokens() - bow.oovTokens();
            }
        }
        JsonNode corpus = new ObjectMapper().readTree(json.toFile()).get("corpora").get(0);
        JsonNode summary = corpus.get("summary");
        assertEquals(docs.size(), summary.get("documents").asInt());
        assertEquals(docs.stream().filter(doc -> doc.text().strip().contains(" ")).count(),
                summary.get("segmentedDocuments").asLong());
        assertEquals(tokens, summary.get("training").get("tokens").asLong());
        assertEquals(known, summary.get("training").get("knownTokens").asLong());
        assertTrue(corpus.get("trainingAnalyzer").get("pretokenized").asBoolean());
        assertEquals(false, corpus.get("servingAnalyzer").get("pretokenized").asBoolean());
        assertTrue(out.toString().contains("sample-1 (zh): " + docs.size() + " documents"), out.toString());
    }

    @Test
    void modelNeedsInput() {
        assertEquals(SegmentationAgreement.EXIT_BAD_INPUT, run("--model", BUNDLE.toString()));
        assertTrue(err.toString().contains("--model and --input go together"), err.toString());
    }

    @Test
    void somethingMustBeMeasured() {
        assertEquals(SegmentationAgreement.EXIT_BAD_INPUT, run());
        assertTrue(err.toString().contains("give --data DIR"), err.toString());
    }

    @Test
    void dataMustBeADirectory(@TempDir Path dir) {
        assertEquals(SegmentationAgreement.EXIT_BAD_INPUT, run("--data", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("is not a directory"), err.toString());
    }
}
