package io.glostream.trainer.prepare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.text.TextAnalyzer;
import io.glostream.trainer.corpus.JsonlCorpus;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prepare}: featurises a bilingual corpus exactly as training will, writes the vocabularies and
 * neighbour tables, and reports coverage, so a person can judge the inputs before a long training run.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Analyse a bilingual corpus, build vocabularies and dictionary-led neighbour tables,",
                "featurise every document (bag-of-words and polyglot-augmented global input) and report."})
public final class PrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "sample/ec_news", paramLabel = "DIR",
            description = "Directory with <lang>.jsonl corpora ({\"id\",\"lang\",\"text\",\"label\"?} per line),"
                    + " vectors-<lang>.vec[.gz] and the dictionary (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--langs", defaultValue = "en,zh", split = ",", paramLabel = "L1,L2",
            description = "The two languages, in layout order (default: ${DEFAULT-VALUE}).")
    List<String> langs;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "Bilingual dictionary, foreign<TAB>english per line (default: <data>/dict-zh-en.tsv.gz).")
    Path dict;

    @Option(names = "--vectors", paramLabel = "LANG=FILE",
            description = "Word vectors of a language in .vec text format (default: <data>/vectors-<lang>.vec.gz).")
    Map<String, Path> vectors = new LinkedHashMap<>();

    @Option(names = "--neighbours", defaultValue = "3", paramLabel = "K",
            description = "Intra- and cross-lingual neighbours per word (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--min-df", defaultValue = "2", description = "Minimum document frequency of a vocabulary word (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Option(names = "--max-df", defaultValue = "0.5", description = "Maximum share of documents a vocabulary word may occur in (default: ${DEFAULT-VALUE}).")
    double maxDf;

    @Option(names = "--max-vocab", defaultValue = "10000", description = "Vocabulary size cap per language (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Option(names = "--pretokenized",
            description = "The texts are already segmented (like the benchmark's): split on whitespace instead of"
                    + " running the language's tokenizer; the usual filters still apply.")
    boolean pretokenized;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the neighbour search (default: all cores).")
    Integer threads;

    @Option(names = "--out", defaultValue = "target/prepare", paramLabel = "DIR",
            description = "Where vocabularies, neighbour tables and report.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (langs.size() != 2 || langs.get(0).equals(langs.get(1))) {
            throw new IllegalArgumentException("--langs needs two different languages, got " + langs);
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threadCount);
        }
        CorpusPreparation preparation = new CorpusPreparation(new VocabularyOptions(minDf, maxDf, maxVocab),
                neighbours, threadCount);

        List<TextAnalyzer> analyzers = new ArrayList<>();
        List<List<RawDocument>> corpora = new ArrayList<>();
        List<WordVectors> wordVectors = new ArrayList<>();
        for (String lang : langs) {
            TextAnalyzer analyzer = LanguageAnalyzers.create(lang,
                    AnalyzerSettings.defaultsFor(lang).withPretokenized(pretokenized));
            analyzers.add(analyzer);
            corpora.add(JsonlCorpus.read(firstExisting(data.resolve(lang + ".jsonl"), data.resolve(lang + ".jsonl.gz")),
                    analyzer.language()));
            Path vec = vectors.containsKey(lang) ? vectors.get(lang)
                    : firstExisting(data.resolve("vectors-" + lang + ".vec.gz"), data.resolve("vectors-" + lang + ".vec"));
            wordVectors.add(WordVectors.load(vec));
        }
        BilingualDictionary dictionary = BilingualDictionary.load(dict != null ? dict : data.resolve("dict-zh-en.tsv.gz"));

        long start = System.nanoTime();
        PreparedCorpus corpus = preparation.prepare(analyzers, corpora, wordVectors, dictionary);
        double seconds = (System.nanoTime() - start) / 1e9;

        Files.createDirectories(out);
        for (int l = 0; l < 2; l++) {
            corpus.featurizer().vocabulary(l).save(out.resolve("vocab-" + corpus.featurizer().languages().get(l) + ".txt"));
        }
        corpus.neighbourTable().save(out);
        PrepareReport report = PrepareReport.of(corpus);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", report);
        json.put("analyzers", analyzerSettings(analyzers));
        json.put("seconds", seconds);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(), json);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.toText());
        stdout.printf("prepared in %.1f s; vocabularies, neighbour tables and report.json in %s%n", seconds, out);
        stdout.flush();
        return 0;
    }

    private static Map<String, Object> analyzerSettings(List<TextAnalyzer> analyzers) {
        Map<String, Object> out = new LinkedHashMap<>();
        analyzers.forEach(a -> out.put(a.language(), a.settings()));
        return out;
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException(candidates[0] + ": no such file");
    }
}
