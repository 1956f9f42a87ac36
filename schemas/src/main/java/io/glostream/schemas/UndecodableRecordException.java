package io.glostream.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes of a record value could not be decoded into the expected record type: they are not
 * Avro single-object encoded, name a writer schema the {@link SchemaStore} does not know, are
 * truncated, corrupt, carry trailing bytes, or were written with a schema the reader cannot resolve.
 *
 * <p>This is the only exception {@link AvroSerde#deserialize} throws, so a consumer can route such
 * a record to its dead-letter topic with one catch. The message is a single line naming the
 * expected record type and the problem.
 */
public class UndecodableRecordException extends SerializationException {

    /**
     * @param message one line: the expected record type and what was wrong
     * @param cause the underlying failure, or null when the problem was detected directly
     */
    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
