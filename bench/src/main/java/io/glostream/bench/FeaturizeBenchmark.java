package io.glostream.bench;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.fit.BilingualCorpus;
import io.glostream.trainer.fit.GloCtmFit;
import io.glostream.trainer.prepare.VocabularyOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Featurisation per language on one thread, as a stream thread does it: analyse, then bag-of-words and
 * polyglot augmentation ({@code featurize}), with analysis alone for the breakdown. One operation is one
 * document, so the score is documents per second. The model is prepared from the committed sample with
 * the trainer's own preparation (as {@code fit} does), so vocabularies and neighbour tables are real ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeaturizeBenchmark {

    @Param({"en", "zh"})
    public String lang;

    /** Directory of the prepared corpus: {@code <lang>.jsonl}, vectors and dictionary, as for {@code prepare}. */
    @Param({"sample/ec_news"})
    public String data;

    private Featurizer featurizer;
    private TextAnalyzer analyzer;
    private int languageIndex;
    private String[] texts;
    private int next;

    @Setup(Level.Trial)
    public void prepare() {
        BilingualCorpus corpus = BilingualCorpus.load(Path.of(data), List.of("en", "zh"), null, Map.of(), false, 0);
        featurizer = GloCtmFit.prepare(corpus, VocabularyOptions.DEFAULTS, 3, 1).featurizer();
        languageIndex = featurizer.languageIndex(lang);
        analyzer = featurizer.analyzer(languageIndex);
        texts = corpus.sides().get(languageIndex).train().stream().map(RawDocument::text).toArray(String[]::new);
    }

    private String nextText() {
        String text = texts[next];
        next = next + 1 == texts.length ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public Features featurize() {
        return featurizer.featurize(lang, nextText());
    }

    @Benchmark
    public void analyze(Blackhole bh) {
        bh.consume(analyzer.analyze(nextText()));
    }
}
