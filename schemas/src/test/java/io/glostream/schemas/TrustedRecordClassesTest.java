package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ObjectInputStream;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class TrustedRecordClassesTest {

    @Test
    void aSerdeMakesAvroTrustItsRecordAndNestedGeneratedClasses() {
        GlostreamSerdes.documentTopics(new SchemaStore());
        GlostreamSerdes.deadLetter(new SchemaStore());

        assertDoesNotThrow(() -> ClassSecurityValidator.validate(DocumentTopics.class));
        assertDoesNotThrow(() -> ClassSecurityValidator.validate(TopicWeight.class));
        assertDoesNotThrow(() -> ClassSecurityValidator.validate(DeadLetterReason.class));
    }

    @Test
    void otherClassesStayUntrusted() {
        GlostreamSerdes.document(new SchemaStore());

        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(ObjectInputStream.class));
        assertThrows(SecurityException.class, () -> ClassSecurityValidator.validate(Fixtures.class));
    }
}
