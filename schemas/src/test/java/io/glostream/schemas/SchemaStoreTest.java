package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaStoreTest {

    private static final Schema CUSTOMER_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Customer", "namespace": "test", "fields": [
              {"name": "name", "type": "string"}]}""");
    private static final Schema CUSTOMER_V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "Customer", "namespace": "test", "fields": [
              {"name": "name", "type": "string"},
              {"name": "email", "type": ["null", "string"], "default": null}]}""");

    private final SchemaStore store = new SchemaStore();

    @Test
    void newStoreKnowsEveryCurrentContract() {
        for (Schema schema : List.of(Document.getClassSchema(), DocumentTopics.getClassSchema(),
                DeadLetter.getClassSchema(), ModelRef.getClassSchema())) {
            assertSame(schema, store.findByFingerprint(SchemaStore.fingerprint(schema)), schema.getFullName());
        }
    }

    @Test
    void fingerprintIsAvroParsingFingerprint64() {
        assertEquals(SchemaNormalization.parsingFingerprint64(CUSTOMER_V1), SchemaStore.fingerprint(CUSTOMER_V1));
    }

    @Test
    void fingerprintIgnoresDocsAndDefaults() {
        Schema documented = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "namespace": "test", "doc": "someone who pays",
                 "fields": [{"name": "name", "type": "string", "doc": "full name", "default": "?"}]}""");

        assertEquals(SchemaStore.fingerprint(CUSTOMER_V1), SchemaStore.fingerprint(documented));
    }

    @Test
    void unknownFingerprintFindsNothing() {
        assertNull(store.findByFingerprint(SchemaStore.fingerprint(CUSTOMER_V1)));
    }

    @Test
    void registeredSchemaIsFoundByTheFingerprintRegisterReturns() {
        long fingerprint = store.register(CUSTOMER_V2);

        assertSame(CUSTOMER_V2, store.findByFingerprint(fingerprint));
    }

    @Test
    void registeringAnEquivalentSchemaKeepsTheFirst() {
        Schema sameCanonicalForm = new Schema.Parser().parse(CUSTOMER_V1.toString());
        store.register(CUSTOMER_V1);

        store.register(sameCanonicalForm);

        assertSame(CUSTOMER_V1, store.findByFingerprint(SchemaStore.fingerprint(CUSTOMER_V1)));
    }

    @Test
    void loadDirectoryRegistersEveryAvscFileInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("customer-v2.avsc"), CUSTOMER_V2.toString());
        Files.writeString(dir.resolve("customer-v1.avsc"), CUSTOMER_V1.toString());

        List<Schema> loaded = store.loadDirectory(dir);

        assertEquals(List.of(CUSTOMER_V1, CUSTOMER_V2), loaded);
        assertEquals(CUSTOMER_V1, store.findByFingerprint(SchemaStore.fingerprint(CUSTOMER_V1)));
        assertEquals(CUSTOMER_V2, store.findByFingerprint(SchemaStore.fingerprint(CUSTOMER_V2)));
    }

    @Test
    void loadDirectoryIgnoresOtherFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README.md"), "not a schema");
        Files.writeString(dir.resolve("customer.avsc.bak"), "{");

        assertEquals(List.of(), store.loadDirectory(dir));
    }

    @Test
    void invalidSchemaFileIsNamedAndNothingFromTheDirectoryIsRegistered(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-customer.avsc"), CUSTOMER_V1.toString());
        Files.writeString(dir.resolve("b-broken.avsc"), "{\"type\": \"record\", \"name\": \"Broken\"");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.loadDirectory(dir));

        assertTrue(e.getMessage().contains("b-broken.avsc"), e.getMessage());
        assertNull(store.findByFingerprint(SchemaStore.fingerprint(CUSTOMER_V1)));
    }

    @Test
    void loadingAMissingDirectoryFails(@TempDir Path dir) {
        assertThrows(IOException.class, () -> store.loadDirectory(dir.resolve("absent")));
    }
}
