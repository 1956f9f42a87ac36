package io.glostream.stream.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.stream.ops.TopicTrend;
import io.glostream.stream.ops.TrendsReport;
import io.glostream.stream.ops.TrendsSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The whole application's trends when several instances share the work: each instance holds the
 * counts of its own partitions, so this one adds to its local report those the other instances serve
 * on {@code /trends/local} (found through Kafka Streams' metadata, from each instance's
 * {@code application.server}).
 */
public final class FederatedTrends implements TrendsSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    private final TrendsSource local;
    private final Supplier<Collection<HostInfo>> peers;
    private final HttpClient http;

    /**
     * @param local this instance's stores
     * @param peers the other instances' advertised HTTP addresses, looked up on every query
     */
    public FederatedTrends(TrendsSource local, Supplier<Collection<HostInfo>> peers) {
        this.local = local;
        this.peers = peers;
        this.http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
    }

    @Override
    public TrendsReport trends(Optional<String> lang, Duration lookback) {
        TrendsReport mine = local.trends(lang, lookback);
        Map<Integer, TopicTrend> merged = new LinkedHashMap<>();
        mine.topics().forEach(trend -> merged.put(trend.topic(), trend));
        long documents = mine.documents();
        for (HostInfo peer : peers.get()) {
            JsonNode report = fetch(peer, lang, lookback);
            documents += report.path("documents").asLong();
            for (JsonNode topic : report.path("topics")) {
                TopicTrend theirs = trend(topic);
                merged.merge(theirs.topic(), theirs, (a, b) -> new TopicTrend(a.topic(), a.label(), a.count() + b.count(),
                        a.words()));
            }
        }
        return new TrendsReport(mine.from(), mine.to(), mine.lang(), mine.modelVersion(), documents,
                new ArrayList<>(merged.values()));
    }

    private JsonNode fetch(HostInfo peer, Optional<String> lang, Duration lookback) {
        String query = "window=" + lookback + lang.map(l -> "&lang=" + URLEncoder.encode(l, StandardCharsets.UTF_8)).orElse("");
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + "/trends/local?" + query);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(PEER_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("instance " + peer.host() + ":" + peer.port() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("instance " + peer.host() + ":" + peer.port() + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + peer.host() + ":" + peer.port(), e);
        }
    }

    private static TopicTrend trend(JsonNode topic) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        topic.path("words").fields().forEachRemaining(entry -> {
            List<String> list = new ArrayList<>();
            entry.getValue().forEach(word -> list.add(word.asText()));
            words.put(entry.getKey(), list);
        });
        return new TopicTrend(topic.path("topic").asInt(), topic.path("label").asText(), topic.path("count").asLong(), words);
    }
}
