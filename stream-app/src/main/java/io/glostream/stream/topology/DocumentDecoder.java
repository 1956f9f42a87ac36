package io.glostream.stream.topology;

import io.glostream.schemas.AvroSerde;
import io.glostream.schemas.Document;
import io.glostream.schemas.GlostreamSerdes;
import java.time.Instant;

/**
 * Turns the value of an input record into a {@link Document}: Avro single-object encoding on the documents
 * topic, a JSON object on the JSON ingress topic. Either way the app validates, tags and dead-letters the
 * result the same way.
 */
@FunctionalInterface
public interface DocumentDecoder {

    /**
     * @param recordTimestamp the record's timestamp, for formats where the document's own is optional
     * @throws org.apache.kafka.common.errors.SerializationException when {@code value} is not a document of this
     *     format; the message says why in one line
     */
    Document decode(String topic, byte[] value, long recordTimestamp);

    /** Avro single-object encoded {@link Document}s. */
    static DocumentDecoder avro() {
        AvroSerde<Document> serde = GlostreamSerdes.document();
        return (topic, value, recordTimestamp) -> serde.deserialize(topic, value);
    }

    /** JSON objects as {@link JsonDocuments} reads them; a document without a timestamp takes the record's. */
    static DocumentDecoder json() {
        return (topic, value, recordTimestamp) -> JsonDocuments.parse(value, Instant.ofEpochMilli(recordTimestamp));
    }
}
