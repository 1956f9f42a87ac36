package io.glostream.stream;

import io.glostream.core.progress.ProgressBar;
import io.glostream.schemas.Document;
import io.glostream.schemas.client.GlostreamClient;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.produce.CsvReader;
import io.glostream.stream.produce.DocumentPublisher;
import io.glostream.stream.produce.DocumentReader;
import io.glostream.stream.produce.InputFormat;
import io.glostream.stream.produce.JsonLinesReader;
import io.glostream.stream.produce.ProduceSummary;
import io.glostream.stream.produce.Rate;
import io.glostream.stream.produce.TextLinesReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code produce}: publishes documents from a file or standard input to a running app's documents topic. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Reads documents (JSON lines, CSV with a header, or one text per line), checks",
            "them as the app does (id, text, text.max-chars) and publishes them as Avro",
            "Documents keyed by id, with a progress bar and a summary of what was sent and",
            "which lines were rejected, and why. Needs the cluster's address: the in-process",
            "broker lives only inside `run` and `demo`, so give --bootstrap-servers the",
            "address `run` prints. Exit code 0 when every valid document was acknowledged",
            "(rejected lines are reported, not fatal), 1 when sends failed, 2 for bad input."})
final class ProduceCommand implements Callable<Integer> {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StreamCli.SettingsOptions options = new StreamCli.SettingsOptions();

    @Option(names = "--input", required = true, paramLabel = "FILE|-", description = "Input file, or - for standard input.")
    String input;

    @Option(names = "--format", paramLabel = "jsonl|csv|txt", description = {
        "jsonl: {\"id\", \"lang\"?, \"text\", \"timestamp\"?, \"attributes\"?} per line;",
        "csv: a header with a text column and optionally id, lang, timestamp (others become attributes);",
        "txt: one text per line, ids <file name>-<line>. Default: from the file's extension."})
    InputFormat format;

    @Option(names = "--lang", paramLabel = "xx", description = "Language of documents that give none "
            + "(default: the app detects it from the script).")
    String lang;

    @Option(names = "--rate", paramLabel = "N/s", description = "Send at most N documents per second (default: no limit).")
    String rate;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic to write to (default: topics.documents).")
    String topic;

    @Override
    public Integer call() throws Exception {
        StreamSettings settings = options.loadForClient("produce");
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            throw new IllegalArgumentException("--lang '" + lang + "' is not a lowercase ISO 639 code such as en or zh");
        }
        Rate limit = rate == null ? null : Rate.parse(rate);
        String target = topic == null ? settings.documentsTopic() : topic;
        if (settings.jsonDocumentsTopic().filter(target::equals).isPresent()) {
            throw new IllegalArgumentException("--topic " + target + " is the JSON ingress topic, and produce writes Avro "
                    + "documents: write to " + settings.documentsTopic());
        }
        boolean stdin = input.equals("-");
        Path path = stdin ? null : Path.of(input);
        if (path != null && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--input " + input + ": no such file");
        }
        InputFormat inputFormat = format != null ? format : InputFormat.ofFileName(input).orElseThrow(() ->
                new IllegalArgumentException("--format is needed: " + (stdin ? "standard input" : input)
                        + " has no .jsonl, .csv or .txt extension"));
        long lines = path == null ? -1 : countLines(path);

        Map<String, Object> client = new HashMap<>(settings.kafka());
        client.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "glostream-produce");
        client.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLUSTER_TIMEOUT.toMillis());
        ProduceSummary summary;
        try (InputStream in = stdin ? System.in : Files.newInputStream(path);
                DocumentReader reader = reader(inputFormat, in, idPrefix(path));
                KafkaProducer<String, Document> producer = GlostreamClient.documentProducer(client)) {
            checkTopic(producer, target, client);
            DocumentPublisher publisher = new DocumentPublisher(producer, target, settings.maxTextChars(), limit);
            if (lines < 0) {
                summary = publisher.publish(reader, read -> { });
            } else {
                try (ProgressBar bar = ProgressBar.start("produce", lines, "lines")) {
                    AtomicLong shown = new AtomicLong();
                    summary = publisher.publish(reader, read -> bar.step(read - shown.getAndSet(read)));
                }
            }
        } catch (IOException e) {
            throw new IOException((stdin ? "standard input" : input) + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        summary.lines(target).forEach(out::println);
        out.flush();
        return summary.failed() > 0 ? StreamCli.EXIT_FAILURE : 0;
    }

    private DocumentReader reader(InputFormat inputFormat, InputStream in, String idPrefix) {
        Clock clock = Clock.systemUTC();
        return switch (inputFormat) {
            case JSONL -> new JsonLinesReader(in, lang, clock);
            case CSV -> new CsvReader(in, idPrefix, lang, clock);
            case TXT -> new TextLinesReader(in, idPrefix, lang, clock);
        };
    }

    /** Generated ids start with the file name without its extension, or "stdin". */
    private static String idPrefix(Path path) {
        if (path == null) {
            return "stdin";
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void checkTopic(KafkaProducer<String, Document> producer, String topic, Map<String, Object> client) {
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot write to topic " + topic + " at " + client.get(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(), e);
        }
    }

    /** Lines of the file, the last one counted even without a line break, for the progress bar's total. */
    private static long countLines(Path path) throws IOException {
        long count = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? count : count + 1;
    }
}
