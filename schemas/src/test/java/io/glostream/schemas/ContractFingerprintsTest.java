package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Every record on a topic carries its writer's fingerprint, and a reader decodes only fingerprints
 * its SchemaStore knows. Changing a contract therefore changes what running readers must be given:
 * when one of these fails, make sure the change is compatible both ways, give the previous schema to
 * readers (an .avsc for {@link SchemaStore#loadDirectory}), then update the pin. Docs do not count.
 */
class ContractFingerprintsTest {

    @Test
    void documentFingerprintIsPinned() {
        assertFingerprint(0x60fc5288426e29d4L, Document.getClassSchema());
    }

    @Test
    void documentTopicsFingerprintIsPinned() {
        assertFingerprint(0x43c99d131a32f650L, DocumentTopics.getClassSchema());
    }

    @Test
    void deadLetterFingerprintIsPinned() {
        assertFingerprint(0xf7c6b3bad44dddfdL, DeadLetter.getClassSchema());
    }

    @Test
    void modelRefFingerprintIsPinned() {
        assertFingerprint(0xb032b7f313b8043aL, ModelRef.getClassSchema());
    }

    private static void assertFingerprint(long pinned, Schema current) {
        assertEquals(String.format("0x%016x", pinned), String.format("0x%016x", SchemaStore.fingerprint(current)),
                current.getFullName() + " changed on the wire");
    }
}
