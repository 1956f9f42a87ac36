package io.glostream.stream.testing;

import io.glostream.stream.StreamApp;
import io.glostream.stream.StreamCli;
import io.glostream.stream.config.StreamSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A stream app serving the sample bundle on the {@link SharedKafka} broker, with topics and application id of
 * its own, so tests can run it end to end and point the CLI's client commands at it.
 */
public final class AppOnSharedKafka implements AutoCloseable {

    private final StreamSettings settings;
    private final StreamApp app;

    private AppOnSharedKafka(StreamSettings settings, StreamApp app) {
        this.settings = settings;
        this.app = app;
    }

    /** Creates the app's topics (one partition each), starts it and waits until it is RUNNING. */
    public static AppOnSharedKafka start(boolean jsonIngress) throws Exception {
        String name = SharedKafka.uniqueName("app");
        Map<String, String> raw = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", SharedKafka.bootstrapServers(),
                "application.id", name,
                "topics.documents", name + "-documents",
                "topics.output", name + "-document-topics",
                "topics.dead-letters", name + "-dlq",
                "topics.trends", name + "-trends",
                "topics.models", name + "-models",
                "model.path", SampleBundles.SAMPLE.toString(),
                "http.port", "-1"));
        if (jsonIngress) {
            raw.put("topics.json-documents", name + "-json-documents");
        }
        StreamSettings settings = StreamSettings.of(raw);
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : settings.inputTopics()) {
            topics.add(new NewTopic(topic, 1, (short) 1));
        }
        for (String topic : List.of(settings.outputTopic(), settings.deadLetterTopic(), settings.trendsTopic())) {
            topics.add(new NewTopic(topic, 1, (short) 1));
        }
        topics.add(new NewTopic(settings.modelsTopic(), 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        SharedKafka.broker().createTopics(topics);
        StreamApp app = StreamApp.start(settings);
        try {
            app.awaitRunning(Duration.ofMinutes(2));
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return new AppOnSharedKafka(settings, app);
    }

    public StreamSettings settings() {
        return settings;
    }

    /** What one CLI command printed and returned. */
    public record CliResult(int exitCode, String out, String err) {
    }

    /**
     * Runs a CLI command against this app: {@code args} followed by the cluster address and the app's topic
     * settings.
     */
    public CliResult cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", SharedKafka.bootstrapServers()));
        for (String key : List.of("topics.documents", "topics.json-documents", "topics.output", "topics.dead-letters",
                "topics.trends", "topics.models")) {
            String value = settings.asMap().get(key);
            if (value != null) {
                all.addAll(List.of("--set", key + "=" + value));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StreamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new CliResult(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        app.close();
    }
}
