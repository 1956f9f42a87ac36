package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers and writers on different versions of a contract, in both directions. */
class SchemaEvolutionTest {

    /** Document as it was before {@code attributes} existed. */
    private static final Schema OLDER_DOCUMENT = new Schema.Parser().parse("""
            {"type": "record", "name": "Document", "namespace": "io.glostream.schemas", "fields": [
              {"name": "id", "type": "string"},
              {"name": "lang", "type": ["null", "string"], "default": null},
              {"name": "text", "type": "string"},
              {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}
            ]}""");

    /** A later Document with a {@code source} field this reader does not know. */
    private static final Schema NEWER_DOCUMENT = new Schema.Parser().parse("""
            {"type": "record", "name": "Document", "namespace": "io.glostream.schemas", "fields": [
              {"name": "id", "type": "string"},
              {"name": "lang", "type": ["null", "string"], "default": null},
              {"name": "text", "type": "string"},
              {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "attributes", "type": {"type": "map", "values": "string"}, "default": {}},
              {"name": "source", "type": "string", "default": "unknown"}
            ]}""");

    /** A later DeadLetter whose reason enum gained RATE_LIMITED. */
    private static final Schema NEWER_DEAD_LETTER = new Schema.Parser().parse("""
            {"type": "record", "name": "DeadLetter", "namespace": "io.glostream.schemas", "fields": [
              {"name": "reason", "type": {"type": "enum", "name": "DeadLetterReason",
                "symbols": ["UNDECODABLE", "MISSING_TEXT", "EMPTY_TEXT", "TEXT_TOO_LONG", "UNKNOWN_LANGUAGE",
                            "UNSUPPORTED_LANGUAGE", "PROCESSING_ERROR", "RATE_LIMITED"],
                "default": "PROCESSING_ERROR"}},
              {"name": "message", "type": "string"},
              {"name": "sourceTopic", "type": "string"},
              {"name": "partition", "type": "int"},
              {"name": "offset", "type": "long"},
              {"name": "originalKey", "type": ["null", "bytes"], "default": null},
              {"name": "original", "type": "bytes"},
              {"name": "failedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}}
            ]}""");

    private final SchemaStore store = new SchemaStore();
    private final AvroSerde<Document> documents = GlostreamSerdes.document(store);

    @Test
    void recordFromOlderWriterDecodesWithDefaultsFilledIn() {
        store.register(OLDER_DOCUMENT);
        byte[] encoded = Fixtures.encodeGeneric(OLDER_DOCUMENT, new GenericRecordBuilder(OLDER_DOCUMENT)
                .set("id", "doc-7")
                .set("lang", "ja")
                .set("text", "古い形式の文書")
                .set("timestamp", Fixtures.WRITTEN_AT.toEpochMilli())
                .build());

        Document decoded = documents.deserialize("documents", encoded);

        assertEquals(new Document("doc-7", "ja", "古い形式の文書", Fixtures.WRITTEN_AT, Map.of()), decoded);
    }

    @Test
    void recordFromNewerWriterDecodesOnceRegisteredIgnoringTheExtraField() {
        store.register(NEWER_DOCUMENT);
        byte[] encoded = Fixtures.encodeGeneric(NEWER_DOCUMENT, newerDocument());

        Document decoded = documents.deserialize("documents", encoded);

        assertEquals(new Document("doc-8", null, "Nouvelle version : champ « source »", Fixtures.WRITTEN_AT,
                Map.of("url", "https://example.org/8")), decoded);
    }

    @Test
    void newerSchemaLoadedFromADirectoryLetsTheReaderDecode(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Document-v3.avsc"), NEWER_DOCUMENT.toString());
        store.loadDirectory(dir);

        Document decoded = documents.deserialize("documents",
                Fixtures.encodeGeneric(NEWER_DOCUMENT, newerDocument()));

        assertEquals("doc-8", decoded.getId());
    }

    @Test
    void olderReaderDecodesCurrentRecordWithoutTheNewField() throws IOException {
        byte[] encoded = documents.serialize("documents", Fixtures.chineseDocument());
        BinaryMessageDecoder<GenericRecord> olderReader =
                new BinaryMessageDecoder<>(GenericData.get(), OLDER_DOCUMENT, store);

        GenericRecord decoded = olderReader.decode(encoded);

        assertEquals(OLDER_DOCUMENT, decoded.getSchema());
        assertEquals(Fixtures.chineseDocument().getText(), decoded.get("text").toString());
        assertEquals(Fixtures.WRITTEN_AT.toEpochMilli(), decoded.get("timestamp"));
        assertFalse(decoded.hasField("attributes"));
    }

    @Test
    void newerReaderDecodesCurrentRecordWithTheNewFieldDefaulted() throws IOException {
        byte[] encoded = documents.serialize("documents", Fixtures.documentWithoutLanguage());
        BinaryMessageDecoder<GenericRecord> newerReader =
                new BinaryMessageDecoder<>(GenericData.get(), NEWER_DOCUMENT, store);

        GenericRecord decoded = newerReader.decode(encoded);

        assertEquals("unknown", decoded.get("source").toString());
        assertEquals(Fixtures.documentWithoutLanguage().getId(), decoded.get("id").toString());
        assertNull(decoded.get("lang"));
    }

    @Test
    void recordFromUnregisteredNewerWriterIsUndecodableNamingItsFingerprint() {
        byte[] encoded = Fixtures.encodeGeneric(NEWER_DOCUMENT, newerDocument());

        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> documents.deserialize("documents", encoded));

        String fingerprintHex = String.format("%016x", SchemaStore.fingerprint(NEWER_DOCUMENT));
        assertTrue(e.getMessage().contains("unknown writer schema fingerprint 0x" + fingerprintHex), e.getMessage());
    }

    @Test
    void deadLetterReasonUnknownToTheReaderReadsAsProcessingError() {
        store.register(NEWER_DEAD_LETTER);
        Schema reasonSchema = NEWER_DEAD_LETTER.getField("reason").schema();
        byte[] encoded = Fixtures.encodeGeneric(NEWER_DEAD_LETTER, new GenericRecordBuilder(NEWER_DEAD_LETTER)
                .set("reason", new GenericData.EnumSymbol(reasonSchema, "RATE_LIMITED"))
                .set("message", "producer over quota")
                .set("sourceTopic", "documents")
                .set("partition", 0)
                .set("offset", 17L)
                .set("original", ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .set("failedAt", Fixtures.WRITTEN_AT.toEpochMilli())
                .build());

        DeadLetter decoded = GlostreamSerdes.deadLetter(store).deserialize("documents-dlq", encoded);

        assertEquals(DeadLetterReason.PROCESSING_ERROR, decoded.getReason());
        assertEquals("producer over quota", decoded.getMessage());
    }

    private static GenericRecord newerDocument() {
        return new GenericRecordBuilder(NEWER_DOCUMENT)
                .set("id", "doc-8")
                .set("text", "Nouvelle version : champ « source »")
                .set("timestamp", Fixtures.WRITTEN_AT.toEpochMilli())
                .set("attributes", Map.of("url", "https://example.org/8"))
                .set("source", "rss")
                .build();
    }
}
