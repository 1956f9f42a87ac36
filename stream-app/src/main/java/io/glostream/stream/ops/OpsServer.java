package io.glostream.stream.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The stream app's operations endpoint, on the JDK's built-in HTTP server. Every endpoint answers
 * {@code GET} only (405 otherwise) and every other path is 404; error bodies are {@code {"error": reason}}.
 * <ul>
 *   <li>{@code /metrics}: the registry in the Prometheus text format 0.0.4;</li>
 *   <li>{@code /health}: 200 {@code {"status":"UP"}} while {@code live} holds, else 503 {@code DOWN};</li>
 *   <li>{@code /ready}: 200 {@code {"status":"READY"}} while {@code ready} holds, else 503 {@code NOT_READY};</li>
 *   <li>{@code /trends?lang=en&window=1h}: the {@link TrendsSource}'s report as JSON (see {@link TrendsQuery}
 *       for the parameters); 400 for bad parameters, 503 when the source throws.</li>
 *   <li>{@code /trends/local?...}: the same from this instance's state stores only, which is what the
 *       instances of one application ask each other.</li>
 * </ul>
 */
public final class OpsServer implements AutoCloseable {

    /**
     * What {@link PrometheusMeterRegistry#scrape()} writes. Micrometer 1.17 keeps this in a package-private
     * enum and the Prometheus client's writer constant is not on the compile classpath, hence the copy
     * (a test holds it equal to the client's {@code PrometheusTextFormatWriter.CONTENT_TYPE}).
     */
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String JSON = "application/json";
    private static final int THREADS = 2;
    private static final System.Logger LOG = System.getLogger(OpsServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier live;
    private final BooleanSupplier ready;
    private final TrendsSource trends;
    private final TrendsSource localTrends;

    private OpsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry,
                      BooleanSupplier live, BooleanSupplier ready, TrendsSource trends, TrendsSource localTrends) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.live = live;
        this.ready = ready;
        this.trends = trends;
        this.localTrends = localTrends;
    }

    /** {@link #start(InetSocketAddress, PrometheusMeterRegistry, BooleanSupplier, BooleanSupplier, TrendsSource,
     * TrendsSource)} for a single instance, whose whole-application trends are its local ones. */
    public static OpsServer start(InetSocketAddress bind, PrometheusMeterRegistry registry, BooleanSupplier live,
                                  BooleanSupplier ready, TrendsSource trends) {
        return start(bind, registry, live, ready, trends, trends);
    }

    /**
     * Binds and starts the server on two daemon threads.
     *
     * @param bind where to listen; port 0 picks a free port (see {@link #port()})
     * @param trends answers {@code /trends}: the whole application's counts
     * @param localTrends answers {@code /trends/local}: this instance's stores only, which other instances ask for
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static OpsServer start(InetSocketAddress bind, PrometheusMeterRegistry registry, BooleanSupplier live,
                                  BooleanSupplier ready, TrendsSource trends, TrendsSource localTrends) {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(trends, "trends");
        Objects.requireNonNull(localTrends, "localTrends");
        HttpServer server;
        try {
            server = HttpServer.create(bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the ops server to " + bind, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        OpsServer ops = new OpsServer(server, executor, registry, live, ready, trends, localTrends);
        server.createContext("/", ops::handle);
        server.setExecutor(executor);
        server.start();
        return ops;
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once, without waiting for exchanges in flight. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "ops client went away", e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ops request " + exchange.getRequestURI() + " failed", e);
            trySend(exchange, 500, JSON, OpsJson.error(oneLine(e)));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean known = switch (path) {
            case "/metrics", "/health", "/ready", "/trends", "/trends/local" -> true;
            default -> false;
        };
        if (!known) {
            send(exchange, 404, JSON, OpsJson.error("no such path: " + path));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, JSON, OpsJson.error(exchange.getRequestMethod() + " is not allowed; use GET"));
            return;
        }
        switch (path) {
            case "/metrics" -> send(exchange, 200, PROMETHEUS_CONTENT_TYPE,
                    registry.scrape().getBytes(StandardCharsets.UTF_8));
            case "/health" -> sendStatus(exchange, live.getAsBoolean(), "UP", "DOWN");
            case "/ready" -> sendStatus(exchange, ready.getAsBoolean(), "READY", "NOT_READY");
            case "/trends/local" -> trends(exchange, localTrends);
            default -> trends(exchange, trends);
        }
    }

    private static void sendStatus(HttpExchange exchange, boolean up, String upStatus, String downStatus)
            throws IOException {
        send(exchange, up ? 200 : 503, JSON, OpsJson.status(up ? upStatus : downStatus));
    }

    private void trends(HttpExchange exchange, TrendsSource source) throws IOException {
        TrendsQuery query;
        try {
            query = TrendsQuery.parse(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            send(exchange, 400, JSON, OpsJson.error(oneLine(e)));
            return;
        }
        TrendsReport report;
        try {
            report = source.trends(query.lang(), query.window());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "trends are not available", e);
            send(exchange, 503, JSON, OpsJson.error(oneLine(e)));
            return;
        }
        Objects.requireNonNull(report, "the trends source returned no report");
        send(exchange, 200, JSON, OpsJson.trends(report));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers a failure if the response has not started; a started one can only be cut short. */
    private static void trySend(HttpExchange exchange, int status, String contentType, byte[] body) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            send(exchange, status, contentType, body);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "ops client went away", e);
        }
    }

    /** The exception's message on one line (its class name when it has none), for an error body. */
    private static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s+", " ");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ops-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
