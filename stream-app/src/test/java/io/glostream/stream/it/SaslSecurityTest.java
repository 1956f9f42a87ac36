package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.stream.StreamCli;
import io.glostream.stream.broker.BrokerOptions;
import io.glostream.stream.broker.EmbeddedKafkaBroker;
import io.glostream.stream.testing.SampleBundles;
import io.glostream.stream.testing.StreamScenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app against a broker whose client listener wants SASL/PLAIN: the {@code kafka.*} security settings reach every
 * client of the app (Streams, the control-topic listener, the topic check), and wrong credentials stop the start with
 * one line that says so.
 */
class SaslSecurityTest {

    private static final String USER = "glostream";
    private static final String PASSWORD = "s3cret-for-tests";
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(BrokerOptions.defaults().withPlainUsers(Map.of(USER, PASSWORD)));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void withTheRightCredentialsDocumentsAreTagged() throws Exception {
        try (StreamScenario scenario = new StreamScenario(broker.bootstrapServers(), 1, dir.resolve("state"),
                sasl(USER, PASSWORD))) {
            scenario.start();
            scenario.send(List.of(StreamScenario.document("s1", "en", "football players coach team"),
                    StreamScenario.document("s2", null, "中国股市今天大幅下跌")));
            StreamScenario.Results results = scenario.readResults(2, FaultRun.RESULTS_TIMEOUT);
            assertEquals(List.of("s1", "s2"), results.tagged.stream().map(t -> t.topics().getId()).sorted().toList());
        }
    }

    @Test
    void withAWrongPasswordRunStopsAtStartWithOneClearLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> settings = sasl(USER, "wrong-password");
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--model", SampleBundles.SAMPLE.toString(), "--set", "http.port=-1"));
        settings.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));

        int exit = StreamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

        assertEquals(StreamCli.EXIT_BAD_INPUT, exit, err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("glostream-stream run: cannot list the topics of " + broker.bootstrapServers()),
                message);
        assertTrue(message.contains("Authentication failed") && message.contains("Invalid username or password"),
                message);
        assertEquals("", out.toString());
    }

    private static Map<String, String> sasl(String user, String password) {
        return Map.of("kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }
}
