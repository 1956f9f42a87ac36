package io.glostream.stream;

import io.glostream.core.cli.CommandLineErrors;
import io.glostream.core.model.TopicModel;
import io.glostream.schemas.ModelRef;
import io.glostream.stream.config.InvalidSettingsException;
import io.glostream.stream.config.Setting;
import io.glostream.stream.config.SettingsLoader;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.demo.DemoCorpus;
import io.glostream.stream.demo.DemoRun;
import io.glostream.stream.model.ModelLoader;
import io.glostream.stream.model.ModelPublisher;
import io.glostream.stream.model.ModelRefs;
import io.glostream.stream.model.ModelRefusedException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Entry point of {@code glostream-stream.jar}. */
@Command(name = "glostream-stream", mixinStandardHelpOptions = true, version = "glostream-stream 0.1.0",
        description = "Tags multilingual document streams with cross-lingual topics (Kafka Streams + ONNX Runtime).",
        subcommands = {StreamCli.Run.class, StreamCli.Demo.class, StreamCli.PublishModel.class, ProduceCommand.class,
            TailCommand.class, StreamCli.Settings.class, CommandLine.HelpCommand.class})
public final class StreamCli {

    /** Exit code for input the user can fix (bad setting, missing or refused bundle). */
    public static final int EXIT_BAD_INPUT = CommandLineErrors.EXIT_BAD_INPUT;
    /** Exit code for other failures. */
    public static final int EXIT_FAILURE = CommandLineErrors.EXIT_FAILURE;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command line as {@link #run} parses it (deploy/'s tests parse its scripted runs with it). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StreamCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Runs the CLI and returns its exit code; errors are reported as one line on standard error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing results to {@code out} and errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        CommandLineErrors.install(cli, "glostream-stream", IllegalStateException.class, ModelRefusedException.class);
        return cli.execute(args);
    }

    /** Options every command that talks to Kafka shares: where settings come from. */
    static final class SettingsOptions {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings (see `settings`).")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting, overriding file and environment "
                + "(repeatable), e.g. --set batch.size=128 --set kafka.security.protocol=SASL_SSL.")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
                description = "Kafka cluster (kafka.bootstrap.servers); none: an in-process broker.")
        String bootstrapServers;

        /**
         * The settings of a command that is a client of a running app: it needs the cluster's address, since the
         * embedded broker lives only inside {@code run} and {@code demo}.
         */
        StreamSettings loadForClient(String command) {
            StreamSettings settings = load(Map.of());
            if (!settings.hasBootstrapServers()) {
                throw new InvalidSettingsException(command + " needs a cluster: give --bootstrap-servers HOST:PORT (for "
                        + "the embedded default, the address `run` prints) or kafka.bootstrap.servers");
            }
            return settings;
        }

        StreamSettings load(Map<String, String> overrides) {
            Map<String, String> commandLine = new LinkedHashMap<>(overrides);
            commandLine.putAll(set);
            if (bootstrapServers != null) {
                commandLine.put(StreamSettings.KAFKA_PREFIX + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            }
            return SettingsLoader.load(config, System.getenv(), commandLine);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs the stream app until stopped (SIGTERM / Ctrl-C).",
                "Without kafka.bootstrap.servers it starts an in-process KRaft broker and creates its topics."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SettingsOptions options = new SettingsOptions();

        @Option(names = "--model", paramLabel = "BUNDLE", description = "Bundle to serve (model.path).")
        Path model;

        @Override
        public Integer call() throws Exception {
            Map<String, String> overrides = new HashMap<>();
            if (model != null) {
                overrides.put("model.path", model.toString());
            }
            StreamSettings settings = options.load(overrides);
            PrintWriter out = spec.commandLine().getOut();
            CountDownLatch stopped = new CountDownLatch(1);
            StreamApp app = StreamApp.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "glostream-shutdown"));
            out.printf("glostream-stream serving %s %s on %s: %s -> %s (dead letters: %s)%n", app.modelName(),
                    app.models().version(), app.bootstrapServers(), String.join(", ", settings.inputTopics()),
                    settings.outputTopic(), settings.deadLetterTopic());
            app.httpPort().ifPresent(port -> out.printf("endpoints: http://%s:%d/metrics /health /ready /trends%n",
                    settings.httpHost(), port));
            out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Starts an in-process broker and the app with the bundled model, replays mixed English and raw",
                "Chinese documents plus malformed records, prints tagged documents and a summary, and stops."})
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", paramLabel = "BUNDLE", description = "Bundle to serve (default: sample/bundle).")
        Path model = Path.of("sample", "bundle");

        @Option(names = "--data", paramLabel = "DIR", description = "Benchmark directory or sample directory of "
                + "documents (default: ../shared/data/ec_news when present, else sample/ec_news).")
        Path data;

        @Option(names = "--docs", paramLabel = "N", defaultValue = "200",
                description = "Documents per language (default: ${DEFAULT-VALUE}).")
        int docs;

        @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "0",
                description = "Port of the endpoints while the demo runs (default: any free port).")
        int httpPort;

        @Override
        public Integer call() throws Exception {
            if (docs < 1) {
                throw new IllegalArgumentException("--docs must be at least 1, got " + docs);
            }
            if (!Files.exists(model)) {
                throw new IllegalArgumentException("--model " + model + ": no such bundle (run from the repository root, "
                        + "or pass --model)");
            }
            Path source = data == null ? DemoCorpus.defaultData() : data;
            List<DemoCorpus.Text> texts = DemoCorpus.load(source, docs);
            StreamSettings settings = StreamSettings.of(Map.of("model.path", model.toString(),
                    "http.port", Integer.toString(httpPort), "application.id", "glostream-demo"));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("glostream demo: in-process Kafka broker, model %s, documents from %s%n", model, source);
            out.flush();
            try (StreamApp app = StreamApp.start(settings)) {
                app.awaitRunning(Duration.ofMinutes(2));
                long expected = texts.size() + DemoRun.malformed(settings.documentsTopic(), settings.maxTextChars()).size();
                long results = new DemoRun(app, out).run(texts, Duration.ofMinutes(3));
                return results == expected ? 0 : EXIT_FAILURE;
            }
        }
    }

    @Command(name = "publish-model", mixinStandardHelpOptions = true,
            description = {"Verifies a bundle and announces it on the control topic; every running instance loads,",
                "verifies and swaps to it between batches. The bundle's path must be readable by every instance."})
    static final class PublishModel implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        SettingsOptions options = new SettingsOptions();

        @Option(names = "--bundle", required = true, paramLabel = "BUNDLE", description = "Bundle directory or zip.")
        Path bundle;

        @Option(names = "--model-name", paramLabel = "NAME", description = "Name to announce under "
                + "(default: the bundle's own name).")
        String modelName;

        @Override
        public Integer call() throws Exception {
            StreamSettings settings = options.loadForClient("publish-model");
            ModelRef ref;
            String name;
            try (TopicModel model = new ModelLoader(1).load(bundle)) {
                ref = ModelRefs.of(model, bundle);
                name = modelName == null ? model.manifest().modelName() : modelName;
            }
            Map<String, Object> client = new HashMap<>(settings.kafka());
            RecordMetadata written = ModelPublisher.publish(client, settings.modelsTopic(), name, ref);
            spec.commandLine().getOut().printf("announced %s %s (sha256 %s) on %s-%d@%d%n", name, ref.getVersion(),
                    ref.getSha256(), written.topic(), written.partition(), written.offset());
            return 0;
        }
    }

    @Command(name = "settings", mixinStandardHelpOptions = true,
            description = "Lists every setting with its default and environment variable.")
    static final class Settings implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-22s %-17s %-32s %s%n", "key", "default", "environment variable", "meaning");
            for (Setting setting : StreamSettings.SETTINGS) {
                out.printf("%-22s %-17s %-32s %s%n", setting.key(),
                        setting.defaultValue() == null ? "-" : setting.defaultValue(), setting.environmentVariable(),
                        setting.description());
            }
            out.printf("%-22s %-17s %-32s %s%n", "kafka.<client setting>", "-", "GLOSTREAM_KAFKA_<SETTING>",
                    "Any Kafka client/Streams setting: bootstrap.servers, security.protocol, sasl.*, ssl.*");
            out.flush();
            return 0;
        }
    }
}
