package io.glostream.bench.segmentation;

import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.corpus.RawDocument;
import java.util.List;
import java.util.OptionalInt;

/**
 * A hand-made Chinese corpus whose two views are worked out by hand. SmartCN cuts the de-spaced texts as
 * follows (the tests check it):
 * <pre>
 *   "第三季度搜索引擎市场" -> 第 三 季度 搜索引擎 市场
 *   "好看书"               -> 好看 书
 *   "书"                   -> 书
 * </pre>
 */
final class TinyCorpus {

    static final Vocabulary VOCABULARY = Vocabulary.of(List.of("第三", "季度", "搜索引擎", "市场", "三", "好看"));

    /** The trainer's settings for benchmark data: pre-segmented, nothing filtered. */
    static final AnalyzerSettings TRAINING = AnalyzerSettings.defaultsFor("zh").withPretokenized(true)
            .withRemoveStopWords(false).withTokenLengths(1, AnalyzerSettings.MAX_TOKEN_LENGTH_LIMIT);

    static final List<RawDocument> DOCUMENTS = List.of(
            document("quarter", "第三 季度 搜索引擎 市场"),
            document("book", "好看 书"),
            document("unknown", "书"));

    private TinyCorpus() {
    }

    static SegmentationComparison comparison(TextAnalyzer training, TextAnalyzer serving) {
        return new SegmentationComparison(training, serving, VOCABULARY);
    }

    static TextAnalyzer trainingAnalyzer() {
        return LanguageAnalyzers.create("zh", TRAINING);
    }

    static TextAnalyzer servingAnalyzer() {
        return LanguageAnalyzers.create("zh", SegmentationComparison.servingSettingsFor(TRAINING));
    }

    private static RawDocument document(String id, String text) {
        return new RawDocument(id, "zh", text, OptionalInt.empty());
    }
}
