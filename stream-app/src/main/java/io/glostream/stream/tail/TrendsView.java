package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.stream.topology.TrendKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;

/** Topic-trends updates: the count of documents per language and top topic in one tumbling window. */
final class TrendsView implements RecordView {

    private final Deserializer<Windowed<String>> keys;
    private final Deserializer<Long> counts = Serdes.Long().deserializer();

    /** @param window the app's {@code trends.window}, which the keys' encoding needs to know the window end */
    TrendsView(Duration window) {
        this.keys = WindowedSerdes.timeWindowedSerdeFrom(String.class, window.toMillis()).deserializer();
    }

    @Override
    public ObjectNode json(ConsumerRecord<byte[], byte[]> record) {
        Windowed<String> key = keys.deserialize(record.topic(), record.key());
        Long count = counts.deserialize(record.topic(), record.value());
        ObjectNode json = Json.object();
        json.put("lang", TrendKeys.lang(key.key()));
        json.put("topic", TrendKeys.topic(key.key()));
        json.put("windowStart", Instant.ofEpochMilli(key.window().start()).toString());
        json.put("windowEnd", Instant.ofEpochMilli(key.window().end()).toString());
        json.put("count", count);
        return json;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("window start", 22), new Column("lang", 4), new Column("topic", 5),
                new Column("count", 0));
    }

    @Override
    public List<String> row(ObjectNode json) {
        return List.of(Json.text(json, "windowStart"), Json.text(json, "lang"), Json.text(json, "topic"),
                Json.text(json, "count"));
    }
}
