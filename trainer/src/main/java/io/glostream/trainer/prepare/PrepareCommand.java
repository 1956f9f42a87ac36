package io.glostream.trainer.prepare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.glostream.trainer.fit.BilingualCorpus;
import io.glostream.trainer.fit.CorpusOptions;
import io.glostream.trainer.fit.GloCtmFit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prepare}: featurises a bilingual corpus exactly as {@code fit} will, writes the vocabularies and
 * neighbour tables, and reports coverage, so a person can judge the inputs before a long training run.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Analyse a bilingual corpus, build vocabularies and dictionary-led neighbour tables,",
                "featurise every document (bag-of-words and polyglot-augmented global input) and report."})
public final class PrepareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions data;

    @Option(names = "--out", defaultValue = "target/prepare", paramLabel = "DIR",
            description = "Where vocabularies, neighbour tables and report.json go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        BilingualCorpus corpus = data.load();
        long start = System.nanoTime();
        PreparedCorpus prepared = GloCtmFit.prepare(corpus, data.vocabulary(), data.neighbours(), data.threads());
        double seconds = (System.nanoTime() - start) / 1e9;

        Files.createDirectories(out);
        for (int l = 0; l < 2; l++) {
            prepared.featurizer().vocabulary(l)
                    .save(out.resolve("vocab-" + prepared.featurizer().languages().get(l) + ".txt"));
        }
        prepared.neighbourTable().save(out);
        PrepareReport report = PrepareReport.of(prepared);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", report);
        Map<String, Object> analyzers = new LinkedHashMap<>();
        for (int l = 0; l < 2; l++) {
            analyzers.put(prepared.featurizer().languages().get(l), prepared.featurizer().analyzer(l).settings());
        }
        json.put("analyzers", analyzers);
        json.put("seconds", seconds);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(), json);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.toText());
        stdout.printf("prepared in %.1f s; vocabularies, neighbour tables and report.json in %s%n", seconds, out);
        stdout.flush();
        return 0;
    }
}
