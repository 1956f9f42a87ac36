package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.TopicWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Tagged documents: id, language, model version, top topics with their words in every language, theta. */
final class DocumentTopicsView implements RecordView {

    private static final int TABLE_WORDS = 4;

    private final AvroSerde<DocumentTopics> serde = GlostreamSerdes.documentTopics();

    @Override
    public ObjectNode json(ConsumerRecord<byte[], byte[]> record) {
        DocumentTopics topics = serde.deserialize(record.topic(), record.value());
        ObjectNode json = Json.object();
        json.put("id", topics.getId());
        json.put("lang", topics.getLang());
        json.put("modelVersion", topics.getModelVersion());
        ArrayNode top = json.putArray("topTopics");
        for (TopicWeight weight : topics.getTopTopics()) {
            ObjectNode topic = top.addObject();
            topic.put("topic", weight.getTopic());
            topic.put("weight", weight.getWeight());
            topic.put("label", weight.getLabel());
            topic.set("words", Json.wordsByLanguage(weight.getWords()));
        }
        ArrayNode theta = json.putArray("theta");
        topics.getTheta().forEach(theta::add);
        json.put("oovRate", topics.getOovRate());
        json.put("tokens", topics.getTokens());
        json.put("timestamp", Json.time(topics.getTimestamp()));
        return json;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("id", 20), new Column("lang", 4), new Column("model", 14),
                new Column("top topics (weight: words per language)", 0));
    }

    @Override
    public List<String> row(ObjectNode json) {
        List<String> topics = new ArrayList<>();
        for (JsonNode topic : json.get("topTopics")) {
            List<String> languages = new ArrayList<>();
            for (Map.Entry<String, JsonNode> words : topic.get("words").properties()) {
                List<String> first = new ArrayList<>();
                for (JsonNode word : words.getValue()) {
                    if (first.size() < TABLE_WORDS) {
                        first.add(word.asText());
                    }
                }
                languages.add(String.join(" ", first));
            }
            topics.add(String.format(Locale.ROOT, "%d (%.2f): %s", topic.get("topic").asInt(),
                    topic.get("weight").asDouble(), String.join(" / ", languages)));
        }
        return List.of(Json.text(json, "id"), Json.text(json, "lang"), Json.text(json, "modelVersion"),
                String.join(" | ", topics));
    }
}
