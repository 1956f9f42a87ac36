package io.glostream.stream;

import io.glostream.stream.config.Durations;
import io.glostream.stream.config.StreamSettings;
import io.glostream.stream.tail.RecordView;
import io.glostream.stream.tail.RecordViews;
import io.glostream.stream.tail.TailFormat;
import io.glostream.stream.tail.TopicTail;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tail}: follows one of the app's topics and writes its Avro records as readable JSON lines or a table. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Decodes the app's records (tagged documents, dead letters, trend counts, or",
            "its input) to JSON lines or a compact table as they arrive, until Ctrl-C, --max",
            "or --idle-timeout. Reads every partition without a consumer group (commits",
            "nothing), read_committed by default. Needs the cluster's address: the in-process",
            "broker lives only inside `run` and `demo`, so give --bootstrap-servers the",
            "address `run` prints."})
final class TailCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StreamCli.SettingsOptions options = new StreamCli.SettingsOptions();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "document-topics, documents-dlq, topic-trends or an "
            + "input topic, as the settings name them (default: topics.output).")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record (default: only new records).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "Stop after N records (default: no limit).")
    long max;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
            description = "JSON lines (default) or a table with a heading.")
    TailFormat format;

    @Option(names = "--read-uncommitted", description = "Also show records of open or aborted transactions.")
    boolean readUncommitted;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", description = "Stop when nothing arrived for this long "
            + "(e.g. 10s; default: wait until Ctrl-C).")
    String idleTimeout;

    @Override
    public Integer call() {
        StreamSettings settings = options.loadForClient("tail");
        if (max < 0) {
            throw new IllegalArgumentException("--max must be 0 (no limit) or more, got " + max);
        }
        Duration idle = idleTimeout == null ? null : Durations.parse(idleTimeout);
        String target = topic == null ? settings.outputTopic() : topic;
        RecordView view = RecordViews.of(settings, target).orElseThrow(() -> new IllegalArgumentException("--topic "
                + target + " is not one of the app's topics: " + String.join(", ", RecordViews.topics(settings))));
        Map<String, Object> client = new HashMap<>(settings.kafka());
        client.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "glostream-tail");
        client.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readUncommitted ? "read_uncommitted" : "read_committed");
        TopicTail tail = new TopicTail(client, target, view, format);
        CountDownLatch done = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            tail.stop();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "glostream-tail-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        PrintWriter out = spec.commandLine().getOut();
        TopicTail.Result result;
        try {
            result = tail.run(out, fromBeginning, max, idle);
        } finally {
            done.countDown();
            removeHook(stopper);
        }
        spec.commandLine().getErr().printf("tail: %d record%s from %s%s%n", result.written(),
                result.written() == 1 ? "" : "s", target,
                result.undecodable() == 0 ? "" : " (" + result.undecodable() + " undecodable)");
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and ends with this tail.
        }
    }
}
