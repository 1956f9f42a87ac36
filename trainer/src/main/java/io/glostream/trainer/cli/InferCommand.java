package io.glostream.trainer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.model.TopicModel;
import io.glostream.core.model.TopTopics;
import io.glostream.core.model.TopicWords;
import io.glostream.core.progress.ProgressBar;
import io.glostream.core.text.ScriptLanguageDetector;
import io.glostream.core.text.UnsupportedLanguageException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code infer}: batch inference through {@link TopicModel}, exactly as the stream app serves, for backfills
 * and for checking the stream. Each input line {@code {"id", "lang"?, "text"}} gives one output line, in
 * input order: {@code id, lang, modelVersion, theta, topTopics, oovRate, tokens} for a document, or
 * {@code {"id", "line", "error"}} for one that cannot be processed (malformed JSON, no id, unknown language,
 * no language given and none detectable from the script,
 * empty text, no tokens after analysis). Blank input lines are skipped. Exit 0 even when some documents
 * failed; the summary counts them.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"Infer the topics of JSONL documents with a model bundle.",
                "One output line per document; {\"id\",\"line\",\"error\"} for one that cannot be processed."})
public final class InferCommand implements Callable<Integer> {

    /** Topics listed per document. */
    static final int TOP_TOPICS = 3;
    /** Words listed per top topic and language. */
    static final int TOP_TOPIC_WORDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Bundle directory or zip.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
            description = "Documents, one {\"id\",\"lang\"?,\"text\"} object per line.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl",
            description = "Where the results go (replaced once all are written).")
    Path output;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "N",
            description = "Documents per encoder call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of lines that have no \"lang\".")
    String defaultLang;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input " + input + ": no such file");
        }
        long lines;
        try (Stream<String> all = Files.lines(input, StandardCharsets.UTF_8)) {
            lines = all.filter(line -> !line.isBlank()).count();
        }
        Counts counts = new Counts();
        Path absoluteOutput = output.toAbsolutePath();
        Files.createDirectories(absoluteOutput.getParent());
        Path partial = Files.createTempFile(absoluteOutput.getParent(), "." + absoluteOutput.getFileName(), ".partial");
        try (TopicModel topicModel = TopicModel.load(model, threads);
                BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                ProgressBar progress = ProgressBar.start("infer", lines, "docs")) {
            Batch pending = new Batch(topicModel, out, counts);
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                pending.add(lineNumber, line);
                if (pending.documents() >= batch) {
                    pending.flush();
                }
                progress.step(1);
            }
            pending.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absoluteOutput, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("inferred %d documents, %d failed; results in %s%n", counts.inferred, counts.failed, output);
        stdout.flush();
        return 0;
    }

    private static final class Counts {
        long inferred;
        long failed;
    }

    /** Output records in input order: errors at once, documents once their batch has been inferred. */
    private final class Batch {

        private final TopicModel topicModel;
        private final ScriptLanguageDetector detector;
        private final BufferedWriter out;
        private final Counts counts;
        private final List<Slot> slots = new ArrayList<>();
        private final List<Slot> documents = new ArrayList<>();

        Batch(TopicModel topicModel, BufferedWriter out, Counts counts) {
            this.topicModel = topicModel;
            this.detector = new ScriptLanguageDetector(topicModel.languages());
            this.out = out;
            this.counts = counts;
        }

        int documents() {
            return documents.size();
        }

        void add(int lineNumber, String line) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                slots.add(error(null, lineNumber, "malformed JSON: " + e.getOriginalMessage()));
                return;
            }
            if (node == null || !node.isObject()) {
                slots.add(error(null, lineNumber, "not a JSON object"));
                return;
            }
            JsonNode idNode = node.get("id");
            String id = idNode == null || idNode.isNull() || idNode.isContainerNode() ? null : idNode.asText();
            if (id == null || id.isBlank()) {
                slots.add(error(null, lineNumber, "no \"id\""));
                return;
            }
            JsonNode langNode = node.get("lang");
            String lang = langNode != null && langNode.isTextual() ? langNode.asText() : defaultLang;
            JsonNode textNode = node.get("text");
            if (textNode == null || !textNode.isTextual()) {
                slots.add(error(id, lineNumber, "no \"text\" string"));
                return;
            }
            if (textNode.asText().isBlank()) {
                slots.add(error(id, lineNumber, "empty text"));
                return;
            }
            if (lang == null) {
                lang = detector.detect(textNode.asText()).orElse(null);
                if (lang == null) {
                    slots.add(error(id, lineNumber, "no \"lang\", no --lang, and no letters in a script of "
                            + topicModel.languages()));
                    return;
                }
            }
            Features features;
            try {
                features = topicModel.featurizer().featurize(lang, textNode.asText());
            } catch (UnsupportedLanguageException e) {
                slots.add(error(id, lineNumber, "unknown language '" + lang + "'; the model has "
                        + topicModel.languages()));
                return;
            }
            if (features.bow().tokens() == 0) {
                slots.add(error(id, lineNumber, "no tokens after analysis"));
                return;
            }
            Slot document = new Slot(id, features);
            documents.add(document);
            slots.add(document);
        }

        void flush() throws IOException {
            if (!documents.isEmpty()) {
                EncoderOutput result = topicModel.infer(documents.stream().map(slot -> slot.features).toList());
                for (int doc = 0; doc < documents.size(); doc++) {
                    documents.get(doc).record = record(documents.get(doc), result.theta(doc));
                }
            }
            for (Slot slot : slots) {
                Map<String, Object> record = slot.record;
                if (record.containsKey("error")) {
                    counts.failed++;
                } else {
                    counts.inferred++;
                }
                out.write(JSON.writeValueAsString(record));
                out.write('\n');
            }
            slots.clear();
            documents.clear();
        }

        private Map<String, Object> record(Slot document, float[] theta) {
            Features features = document.features;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", document.id);
            record.put("lang", features.lang());
            record.put("modelVersion", topicModel.version());
            record.put("theta", theta);
            record.put("topTopics", topTopics(theta));
            record.put("oovRate", features.bow().oovRate());
            record.put("tokens", features.bow().tokens());
            return record;
        }

        private List<Map<String, Object>> topTopics(float[] theta) {
            List<Map<String, Object>> top = new ArrayList<>();
            for (int k : TopTopics.of(theta, TOP_TOPICS)) {
                TopicWords words = topicModel.topics().get(k);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("topic", k);
                entry.put("weight", theta[k]);
                Map<String, List<String>> byLanguage = new LinkedHashMap<>();
                for (String lang : topicModel.languages()) {
                    byLanguage.put(lang, words.words(lang, TOP_TOPIC_WORDS));
                }
                entry.put("words", byLanguage);
                top.add(entry);
            }
            return top;
        }

        private static Slot error(String id, int line, String reason) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            record.put("line", line);
            record.put("error", reason);
            Slot slot = new Slot(id, null);
            slot.record = record;
            return slot;
        }
    }

    /** One output line: an error record at once, or a document whose record comes after inference. */
    private static final class Slot {
        private final String id;
        private final Features features;
        private Map<String, Object> record;

        Slot(String id, Features features) {
            this.id = id;
            this.features = features;
        }
    }
}
