package io.glostream.bench.segmentation;

import io.glostream.core.cli.CommandLineErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.glostream.core.features.Featurizer;
import io.glostream.core.model.TopicModel;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.JsonlCorpus;
import io.glostream.trainer.fit.BilingualCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How well serving's segmentation of raw text agrees with the segmentation a model was trained on. The
 * documents are pre-segmented test texts: training's view is the text through the model's analyzer, as
 * the trainer reads it; serving's view is the text without its spaces through the language's tokenizer
 * with the same filters (SmartCN for Chinese), as raw text arriving at the stream app is analysed. Both
 * are counted against the model's vocabulary with core's bag of words.
 *
 * <p>Corpora come from benchmark directories ({@code --data}: the trainer's loader, its analyzer settings,
 * the test split and the fixed vocabulary) or from a bundle and a JSONL file ({@code --model} and
 * {@code --input}: the bundle's analyzer settings and vocabulary, as {@link TopicModel} loads them).
 */
@Command(name = "segmentation-agreement", mixinStandardHelpOptions = true,
        description = {"Compare serving's segmentation of raw text with the segmentation a model was trained on.",
                "Exit 2 for bad input."})
public final class SegmentationAgreement implements Callable<Integer> {

    /** Exit code for input the user can fix. */
    public static final int EXIT_BAD_INPUT = CommandLineErrors.EXIT_BAD_INPUT;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Benchmark directory (vocab_<l>.gz, test_texts_<l>.txt.gz, ...); repeat for several.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle whose analyzer and vocabulary to use.")
    Path model;

    @Option(names = "--input", paramLabel = "FILE.jsonl",
            description = "Pre-segmented documents for --model, one {\"id\",\"lang\"?,\"text\"} object per line.")
    Path input;

    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG",
            description = "Language compared (default: ${DEFAULT-VALUE}); benchmark data is read as en and LANG.")
    String lang;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every figure as JSON.")
    Path json;

    @Option(names = "--examples", defaultValue = "5", paramLabel = "N",
            description = "Most disagreeing documents listed per corpus (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--top-words", defaultValue = "15", paramLabel = "N",
            description = "Words listed per census outcome, and unknown serving tokens (default: ${DEFAULT-VALUE}).")
    int topWords;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command and returns its exit code; errors are reported as one line on {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SegmentationAgreement());
        cli.setOut(out);
        cli.setErr(err);
        CommandLineErrors.install(cli, "glostream-bench", CorpusFormatException.class);
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (data.isEmpty() && model == null) {
            throw new IllegalArgumentException("give --data DIR, or --model BUNDLE with --input FILE.jsonl");
        }
        if ((model == null) != (input == null)) {
            throw new IllegalArgumentException("--model and --input go together");
        }
        if (examples < 0 || topWords < 0) {
            throw new IllegalArgumentException("--examples and --top-words must be >= 0");
        }
        String language = LanguageAnalyzers.canonicalLanguage(lang);
        List<CorpusAgreement> corpora = new ArrayList<>();
        for (Path dir : data) {
            corpora.add(benchmark(dir, language));
        }
        if (model != null) {
            corpora.add(bundle(model, input, language));
        }
        PrintWriter out = spec.commandLine().getOut();
        corpora.forEach(corpus -> print(out, corpus));
        if (json != null) {
            Path target = json.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("corpora", corpora);
            JSON.writeValue(target.toFile(), document);
            out.println("figures in " + json);
        }
        out.flush();
        return 0;
    }

    private CorpusAgreement benchmark(Path dir, String language) {
        BilingualCorpus corpus = BilingualCorpus.load(dir, List.of("en", language), null, Map.of(), false, 0);
        BilingualCorpus.Side side = corpus.sides().get(1);
        if (side.fixedVocabulary() == null) {
            throw new IllegalArgumentException("--data " + dir + " has no fixed vocabulary; use --model and --input");
        }
        if (side.test().isEmpty()) {
            throw new IllegalArgumentException("--data " + dir + " has no " + language + " test documents");
        }
        AnalyzerSettings trainingSettings = side.analyzer();
        try (TextAnalyzer training = LanguageAnalyzers.create(language, trainingSettings);
                TextAnalyzer serving = LanguageAnalyzers.create(language,
                        SegmentationComparison.servingSettingsFor(trainingSettings))) {
            SegmentationComparison comparison = new SegmentationComparison(training, serving, side.fixedVocabulary());
            return CorpusAgreement.measure(corpus.name(), dir + " (test split, vocabulary of the data)", comparison,
                    side.test(), examples, topWords);
        }
    }

    private CorpusAgreement bundle(Path bundle, Path documents, String language) throws Exception {
        try (TopicModel topicModel = TopicModel.load(bundle, 1)) {
            Featurizer featurizer = topicModel.featurizer();
            int l = featurizer.languageIndex(language);
            TextAnalyzer training = featurizer.analyzer(l);
            try (TextAnalyzer serving = LanguageAnalyzers.create(language,
                    SegmentationComparison.servingSettingsFor(training.settings()))) {
                SegmentationComparison comparison = new SegmentationComparison(training, serving,
                        featurizer.vocabulary(l));
                return CorpusAgreement.measure(topicModel.version(), documents + " with bundle " + bundle, comparison,
                        JsonlCorpus.read(documents, language), examples, topWords);
            }
        }
    }

    private static void print(PrintWriter out, CorpusAgreement corpus) {
        AgreementSummary s = corpus.summary();
        out.printf("%s (%s): %d documents, %d pre-segmented; vocabulary %d%n", corpus.name(), corpus.language(),
                s.documents(), s.segmentedDocuments(), corpus.vocabularySize());
        out.printf("  in vocabulary, token-weighted / mean per document: training %.4f / %.4f, serving %.4f / %.4f,"
                        + " de-spaced through the training analyzer %.4f%n",
                s.training().knownShare(), s.training().meanSharePerDocument(), s.serving().knownShare(),
                s.serving().meanSharePerDocument(), s.unsegmented().knownShare());
        out.printf("  recall of training tokens %.4f (per document: mean %.4f); cosine mean %.4f, p10 %.4f, median %.4f%n",
                s.recall(), s.recallPerDocument().mean(), s.cosine().mean(), s.cosine().p10(), s.cosine().median());
        WordCensus.Report census = corpus.census();
        out.printf("  training words: %d; serving %s%n", census.words(), census.outcomes());
        StringBuilder groups = new StringBuilder("  kept whole, by length:");
        for (WordCensus.GroupRow row : census.byLength()) {
            groups.append(String.format(" %s %.4f (%d),", row.group(), row.sameShare(), row.words()));
        }
        out.printf("%s numerals %.4f (%d)%n", groups, census.numerals().sameShare(), census.numerals().words());
    }
}
