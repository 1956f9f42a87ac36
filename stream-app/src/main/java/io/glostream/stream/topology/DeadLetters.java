package io.glostream.stream.topology;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead-letter envelope: why, where from, and the original bytes, so nothing is lost. */
public final class DeadLetters {

    private static final int MAX_MESSAGE_CHARS = 2_000;

    private DeadLetters() {
    }

    /**
     * @param originalKey the record key as it arrived, or null
     * @param original the record value as it arrived (null: an empty value)
     */
    public static DeadLetter of(DeadLetterReason reason, String message, String sourceTopic, int partition, long offset,
            byte[] originalKey, byte[] original, Instant failedAt) {
        String detail = message == null ? reason.name() : message;
        if (detail.length() > MAX_MESSAGE_CHARS) {
            detail = detail.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        return DeadLetter.newBuilder()
                .setReason(reason)
                .setMessage(detail)
                .setSourceTopic(sourceTopic == null ? "" : sourceTopic)
                .setPartition(partition)
                .setOffset(offset)
                .setOriginalKey(originalKey == null ? null : ByteBuffer.wrap(originalKey.clone()))
                .setOriginal(ByteBuffer.wrap(original == null ? new byte[0] : original.clone()))
                .setFailedAt(failedAt)
                .build();
    }
}
