package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.stream.topology.DocumentDecoder;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Input documents, Avro or JSON, as the app decodes them. */
final class DocumentView implements RecordView {

    private final DocumentDecoder decoder;

    DocumentView(DocumentDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public ObjectNode json(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new SerializationException("the record has no value");
        }
        return Json.document(decoder.decode(record.topic(), record.value(), record.timestamp()));
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("id", 20), new Column("lang", 4), new Column("timestamp", 24), new Column("text", 0));
    }

    @Override
    public List<String> row(ObjectNode json) {
        return List.of(Json.text(json, "id"), Json.text(json, "lang"), Json.text(json, "timestamp"),
                Json.text(json, "text"));
    }
}
