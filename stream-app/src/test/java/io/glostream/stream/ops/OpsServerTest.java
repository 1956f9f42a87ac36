package io.glostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TrendsReport REPORT = new TrendsReport(
            Instant.parse("2024-03-02T10:00:00Z"), Instant.parse("2024-03-02T11:00:00Z"), "en", "news-v7", 42,
            List.of(new TopicTrend(3, "markets", 17, Map.of("en", List.of("market", "stock"), "zh", List.of("市场"))),
                    new TopicTrend(8, "football", 25, Map.of("en", List.of("goal")))));

    /** The calls the server made, and what the source answers with next. */
    private final List<Optional<String>> langs = new ArrayList<>();
    private final List<Duration> lookbacks = new ArrayList<>();
    private RuntimeException failure;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean live = new AtomicBoolean(true);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private OpsServer server;

    @BeforeEach
    void start() {
        server = startWith((lang, lookback) -> {
            langs.add(lang);
            lookbacks.add(lookback);
            if (failure != null) {
                throw failure;
            }
            return REPORT;
        });
    }

    private OpsServer startWith(TrendsSource source) {
        return OpsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), registry,
                live::get, ready::get, source);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        return JSON.readTree(response.body());
    }

    @Test
    void boundToLoopbackItIsNotReachableOnTheMachinesOtherAddresses() throws Exception {
        InetAddress other = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    other = address;
                }
            }
        }
        Assumptions.assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");
        assertEquals(200, get("/health").statusCode());
        InetSocketAddress elsewhere = new InetSocketAddress(other, server.port());
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(elsewhere, 2_000));
        }
    }

    @Test
    void portZeroListensOnAChosenPort() {
        assertNotEquals(0, server.port());
    }

    @Test
    void metricsServesRegisteredCountersInPrometheusText() throws Exception {
        Counter counter = Counter.builder("glostream.test.documents").tag("lang", "en").register(registry);
        counter.increment(3);

        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("# TYPE glostream_test_documents_total counter"), response.body());
        assertTrue(response.body().contains("glostream_test_documents_total{lang=\"en\"} 3.0"), response.body());
    }

    @Test
    void metricsContentTypeIsThePrometheusTextFormatTheRegistryWrites() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertEquals(PrometheusTextFormatWriter.CONTENT_TYPE, OpsServer.PROMETHEUS_CONTENT_TYPE);
        assertEquals(OpsServer.PROMETHEUS_CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void healthIsUpWhileLive() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).get("status").asText());
    }

    @Test
    void healthIsDownWhenNotLive() throws Exception {
        live.set(false);

        HttpResponse<String> response = get("/health");

        assertEquals(503, response.statusCode());
        assertEquals("DOWN", json(response).get("status").asText());
    }

    @Test
    void readyIsReadyWhileReady() throws Exception {
        HttpResponse<String> response = get("/ready");

        assertEquals(200, response.statusCode());
        assertEquals("READY", json(response).get("status").asText());
    }

    @Test
    void readyIsNotReadyWhenNotReady() throws Exception {
        ready.set(false);

        HttpResponse<String> response = get("/ready");

        assertEquals(503, response.statusCode());
        assertEquals("NOT_READY", json(response).get("status").asText());
    }

    @Test
    void healthAndReadinessAreReadOnEveryRequest() throws Exception {
        ready.set(false);
        assertEquals(503, get("/ready").statusCode());

        ready.set(true);
        assertEquals(200, get("/ready").statusCode());
    }

    @Test
    void trendsServesTheReportAsJson() throws Exception {
        HttpResponse<String> response = get("/trends?lang=en&window=1h");

        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("2024-03-02T10:00:00Z", body.get("from").asText());
        assertEquals("2024-03-02T11:00:00Z", body.get("to").asText());
        assertEquals("en", body.get("lang").asText());
        assertEquals("news-v7", body.get("modelVersion").asText());
        assertEquals(42, body.get("documents").asLong());
        JsonNode topics = body.get("topics");
        assertEquals(2, topics.size());
        assertEquals(8, topics.get(0).get("topic").asInt());
        assertEquals("football", topics.get(0).get("label").asText());
        assertEquals(25, topics.get(0).get("count").asLong());
        assertEquals(3, topics.get(1).get("topic").asInt());
        assertEquals(JSON.readTree("{\"en\":[\"market\",\"stock\"],\"zh\":[\"市场\"]}"), topics.get(1).get("words"));
    }

    @Test
    void trendsOfAllLanguagesHaveANullLang() throws Exception {
        TrendsReport all = new TrendsReport(REPORT.from(), REPORT.to(), null, "news-v7", 0, List.of());
        server.close();
        server = startWith((lang, lookback) -> all);

        JsonNode body = json(get("/trends"));

        assertTrue(body.get("lang").isNull(), body.toString());
        assertEquals(0, body.get("topics").size());
    }

    @Test
    void trendsPassesLanguageAndWindowToTheSource() throws Exception {
        get("/trends?lang=zh&window=15m");

        assertEquals(List.of(Optional.of("zh")), langs);
        assertEquals(List.of(Duration.ofMinutes(15)), lookbacks);
    }

    @Test
    void trendsWithoutParametersAsksForAllLanguagesOverAnHour() throws Exception {
        get("/trends");

        assertEquals(List.of(Optional.<String>empty()), langs);
        assertEquals(List.of(Duration.ofHours(1)), lookbacks);
    }

    @Test
    void trendsWithAnEmptyLanguageAsksForAllLanguages() throws Exception {
        get("/trends?lang=&window=PT2H");

        assertEquals(List.of(Optional.<String>empty()), langs);
        assertEquals(List.of(Duration.ofHours(2)), lookbacks);
    }

    @Test
    void trendsWithABadWindowIsABadRequestAndDoesNotAskTheSource() throws Exception {
        HttpResponse<String> response = get("/trends?window=1w");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().startsWith("window '1w'"), response.body());
        assertEquals(List.of(), langs);
    }

    @Test
    void trendsWithABadLanguageIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/trends?lang=English");

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error").asText().startsWith("lang 'English'"), response.body());
    }

    @Test
    void badRequestReasonsStayOnOneLine() throws Exception {
        HttpResponse<String> response = get("/trends?window=1%0A2h");

        assertEquals(400, response.statusCode());
        assertEquals("window '1 2h' is not a duration; write e.g. 250ms, 30s, 15m, 1h, 2d or PT1H",
                json(response).get("error").asText());
    }

    @Test
    void trendsIsUnavailableWhileTheStoreIsNotQueryable() throws Exception {
        failure = new InvalidStateStoreException("the state store, topic-trends, may have migrated to another instance");

        HttpResponse<String> response = get("/trends");

        assertEquals(503, response.statusCode());
        assertEquals("the state store, topic-trends, may have migrated to another instance",
                json(response).get("error").asText());
    }

    @Test
    void aSourceFailureWithoutMessageIsReportedByItsClassName() throws Exception {
        failure = new IllegalStateException();

        HttpResponse<String> response = get("/trends");

        assertEquals(503, response.statusCode());
        assertEquals("IllegalStateException", json(response).get("error").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/nope", "/metrics/", "/health/live", "/trend", "/admin", "/METRICS",
        "/metrics/../admin", "/trends/local/x"})
    void unknownPathsAreNotFound(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertEquals(404, response.statusCode());
        assertEquals("no such path: " + path, json(response).get("error").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/metrics", "/health", "/ready", "/trends"})
    void otherMethodsThanGetAreNotAllowed(String path) throws Exception {
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri(path)).DELETE().build());

        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        assertEquals("POST is not allowed; use GET", json(post).get("error").asText());
        assertEquals(405, delete.statusCode());
        assertEquals(List.of(), langs);
    }

    @Test
    void aSourceThatReturnsNoReportIsAServerError() throws Exception {
        server.close();
        server = startWith((lang, lookback) -> null);

        HttpResponse<String> response = get("/trends");

        assertEquals(500, response.statusCode());
        assertEquals("the trends source returned no report", json(response).get("error").asText());
    }

    @Test
    void closeStopsListening() {
        URI health = uri("/health");
        server.close();

        assertThrows(ConnectException.class,
                () -> CLIENT.send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
}
