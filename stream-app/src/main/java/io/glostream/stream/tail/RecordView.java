package io.glostream.stream.tail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How {@code tail} shows the records of one of the app's topics: as a JSON object or as a table row. */
public interface RecordView {

    /**
     * The record decoded into readable JSON.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the record is not of this view's kind
     */
    ObjectNode json(ConsumerRecord<byte[], byte[]> record);

    /** The table's columns; the last one takes whatever width its cells need. */
    List<Column> columns();

    /** The record's cells, one per column, from its {@link #json} form. */
    List<String> row(ObjectNode json);

    /** A table column: its heading and its width in characters (cells longer are cut). */
    record Column(String heading, int width) {
    }
}
