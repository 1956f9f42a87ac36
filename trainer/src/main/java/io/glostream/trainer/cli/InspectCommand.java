package io.glostream.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.model.TopicModel;
import io.glostream.core.model.TopicWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect}: what a bundle holds, for a person: languages, sizes, provenance, metrics and topics. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise a model bundle for a person.",
                "Languages, vocabulary sizes, K, provenance, metrics and the top words of every topic side by side."})
public final class InspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Bundle directory or zip.")
    Path bundle;

    @Option(names = "--words", defaultValue = "10", paramLabel = "N",
            description = "Top words shown per topic and language (default: ${DEFAULT-VALUE}).")
    int words;

    @Override
    public Integer call() throws IOException {
        if (words < 1) {
            throw new IllegalArgumentException("--words must be at least 1, got " + words);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TopicModel model = TopicModel.load(bundle)) {
            BundleManifest manifest = model.manifest();
            BundleSummary.print(out, manifest);
            out.println("training   " + JSON.writeValueAsString(manifest.trainingData()));
            out.println("metrics    " + JSON.writeValueAsString(manifest.metrics()));
            out.println();
            printTopics(out, model.languages(), model.topics());
        }
        out.flush();
        return 0;
    }

    /** One row per topic, one column per language; columns padded to their widest cell in code points. */
    private void printTopics(PrintWriter out, List<String> languages, List<TopicWords> topics) {
        int[] widths = new int[languages.size()];
        for (int l = 0; l < languages.size(); l++) {
            widths[l] = languages.get(l).length();
            for (TopicWords topic : topics) {
                widths[l] = Math.max(widths[l], cell(topic, languages.get(l)).codePointCount(0,
                        cell(topic, languages.get(l)).length()));
            }
        }
        StringBuilder header = new StringBuilder("topic");
        for (int l = 0; l < languages.size(); l++) {
            header.append(l == 0 ? "  " : " | ").append(pad(languages.get(l), widths[l]));
        }
        out.println(header.toString().stripTrailing());
        for (TopicWords topic : topics) {
            StringBuilder row = new StringBuilder(pad(Integer.toString(topic.topic()), 5));
            for (int l = 0; l < languages.size(); l++) {
                row.append(l == 0 ? "  " : " | ").append(pad(cell(topic, languages.get(l)), widths[l]));
            }
            out.println(row.toString().stripTrailing());
        }
    }

    private String cell(TopicWords topic, String lang) {
        return String.join(" ", topic.words(lang, words));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.codePointCount(0, text.length())));
    }
}
