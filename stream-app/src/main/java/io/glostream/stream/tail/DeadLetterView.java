package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.Document;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.client.Results;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Dead letters: reason, message, where the record came from, and the original record, shown as the document it
 * decodes to (Avro), as its text (JSON ingress), or in base64 when it is neither.
 */
final class DeadLetterView implements RecordView {

    private final AvroSerde<DeadLetter> serde = GlostreamSerdes.deadLetter();
    private final AvroSerde<Document> documents = GlostreamSerdes.document();

    @Override
    public ObjectNode json(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter letter = serde.deserialize(record.topic(), record.value());
        ObjectNode json = Json.object();
        json.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        json.put("reason", letter.getReason().name());
        json.put("message", letter.getMessage());
        json.put("sourceTopic", letter.getSourceTopic());
        json.put("partition", letter.getPartition());
        json.put("offset", letter.getOffset());
        json.put("failedAt", Json.time(letter.getFailedAt()));
        json.put("originalKey", letter.getOriginalKey() == null ? null
                : new String(bytes(letter.getOriginalKey()), StandardCharsets.UTF_8));
        byte[] original = Results.original(letter);
        Optional<Document> document = document(letter.getSourceTopic(), original);
        Optional<String> text = Results.originalText(letter);
        if (document.isPresent()) {
            json.set("originalDocument", Json.document(document.get()));
        } else if (text.isPresent()) {
            json.put("original", text.get());
        } else {
            json.put("originalBase64", Base64.getEncoder().encodeToString(original));
        }
        return json;
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("key", 20), new Column("reason", 20), new Column("source", 24),
                new Column("message", 0));
    }

    @Override
    public List<String> row(ObjectNode json) {
        return List.of(Json.text(json, "key"), Json.text(json, "reason"), Json.text(json, "sourceTopic") + "-"
                + Json.text(json, "partition") + "@" + Json.text(json, "offset"), Json.text(json, "message"));
    }

    private Optional<Document> document(String topic, byte[] original) {
        try {
            return Optional.ofNullable(documents.deserialize(topic, original));
        } catch (SerializationException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
