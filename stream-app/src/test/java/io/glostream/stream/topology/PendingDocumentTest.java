package io.glostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PendingDocumentTest {

    @Test
    void roundTripsKeyValueLanguageAndTimestamp() {
        PendingDocument pending = new PendingDocument("zh", 1_700_000_000_123L, new byte[] {7, 8}, new byte[] {1, 2, 3});
        PendingDocument back = PendingDocument.decode(pending.encode());
        assertEquals("zh", back.lang());
        assertEquals(1_700_000_000_123L, back.timestamp());
        assertArrayEquals(new byte[] {7, 8}, back.key());
        assertArrayEquals(new byte[] {1, 2, 3}, back.value());
    }

    @Test
    void aNullKeyStaysNull() {
        assertNull(PendingDocument.decode(new PendingDocument("en", 0, null, new byte[0]).encode()).key());
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] stored = new PendingDocument("en", 5, new byte[] {9}, new byte[] {1, 2, 3, 4}).encode();
        for (int length = 0; length < stored.length; length++) {
            byte[] prefix = Arrays.copyOf(stored, length);
            assertThrows(IllegalArgumentException.class, () -> PendingDocument.decode(prefix), "prefix " + length);
        }
    }

    @Test
    void trailingBytesAndUnknownFormatsAreRefused() {
        byte[] stored = new PendingDocument("en", 5, null, new byte[] {1}).encode();
        assertThrows(IllegalArgumentException.class, () -> PendingDocument.decode(Arrays.copyOf(stored, stored.length + 1)));
        stored[0] = 2;
        assertEquals("buffered document of unknown format 2",
                assertThrows(IllegalArgumentException.class, () -> PendingDocument.decode(stored)).getMessage());
    }
}
