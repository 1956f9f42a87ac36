package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class UndecodableInputTest {

    private static final String DOCUMENT = "io.glostream.schemas.Document";

    private final SchemaStore store = new SchemaStore();
    private final AvroSerde<Document> documents = GlostreamSerdes.document(store);

    @Test
    void handBuiltMinimalDocumentDecodes() {
        // id "a", lang null (union branch 0), text "", timestamp 0, attributes {}: the base of the corrupt cases.
        byte[] minimal = Fixtures.singleObject(Document.getClassSchema(), 0x02, 'a', 0x00, 0x00, 0x00, 0x00);

        assertEquals(new Document("a", null, "", java.time.Instant.EPOCH, Map.of()),
                documents.deserialize("documents", minimal));
    }

    @Test
    void emptyValueIsUndecodable() {
        assertUndecodable(new byte[0], "empty value");
    }

    @Test
    void randomBytesAreUndecodable() {
        Random random = new Random(20240517);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[1 + random.nextInt(200)];
            random.nextBytes(noise);
            assertThrows(UndecodableRecordException.class, () -> documents.deserialize("documents", noise));
        }
    }

    @Test
    void markerWithoutFingerprintIsUndecodable() {
        assertUndecodable(new byte[] {(byte) 0xC3, 0x01, 0x12}, "truncated header: 3 bytes");
    }

    @Test
    void firstMarkerByteAloneIsUndecodable() {
        assertUndecodable(new byte[] {(byte) 0xC3}, "truncated header: 1 bytes");
    }

    @Test
    void headerWithoutBodyIsUndecodable() {
        assertUndecodable(Fixtures.singleObject(Document.getClassSchema()), "truncated: ");
    }

    @Test
    void everyTruncationOfEveryContractIsUndecodable() {
        assertEveryPrefixUndecodable(GlostreamSerdes.document(store), Fixtures.chineseDocument());
        assertEveryPrefixUndecodable(GlostreamSerdes.documentTopics(store), Fixtures.documentTopics());
        assertEveryPrefixUndecodable(GlostreamSerdes.deadLetter(store), Fixtures.deadLetter());
        assertEveryPrefixUndecodable(GlostreamSerdes.modelRef(store), Fixtures.modelRef());
    }

    @Test
    void flippedFingerprintByteIsUndecodable() {
        byte[] valid = documents.serialize("documents", Fixtures.chineseDocument());
        for (int i = 2; i < 10; i++) {
            byte[] flipped = valid.clone();
            flipped[i] ^= 0x10;
            assertUndecodable(flipped, "unknown writer schema fingerprint 0x");
        }
    }

    @Test
    void plainAvroBinaryWithoutHeaderIsUndecodable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Document.class).write(Fixtures.chineseDocument(), encoder);
        encoder.flush();

        // The body starts with the id's length: "doc-00042" is 9 bytes, zig-zag 0x12.
        assertUndecodable(out.toByteArray(), "not Avro single-object encoded: starts with 12 64, expected C3 01");
    }

    @Test
    void trailingBytesAfterAValidRecordAreUndecodable() {
        byte[] valid = documents.serialize("documents", Fixtures.chineseDocument());
        byte[] padded = Arrays.copyOf(valid, valid.length + 2);

        assertUndecodable(padded, "2 trailing byte(s) after the record, from byte " + valid.length);
    }

    @Test
    void negativeStringLengthIsUndecodable() {
        // Zig-zag 0x01 is -1.
        assertUndecodable(Fixtures.singleObject(Document.getClassSchema(), 0x01, 'a', 0x00, 0x00, 0x00, 0x00),
                "negative string length -1 at byte 10");
    }

    @Test
    void unionIndexOutOfRangeIsUndecodable() {
        // Zig-zag 0x0A is 5; lang's union has 2 branches.
        assertUndecodable(Fixtures.singleObject(Document.getClassSchema(), 0x02, 'a', 0x0A, 0x00, 0x00, 0x00),
                "union index 5 at byte 12 is outside [0, 2)");
    }

    @Test
    void stringLengthBeyondThePayloadIsUndecodableWithoutAllocatingIt() {
        // Zig-zag 80 80 80 80 08 is 2^30: a one-gigabyte id in a 16-byte value.
        assertUndecodable(Fixtures.singleObject(Document.getClassSchema(), 0x80, 0x80, 0x80, 0x80, 0x08, 'a'),
                "truncated: string of 1073741824 bytes at byte 15 runs past the end (16 bytes)");
    }

    @Test
    void arrayCountBeyondThePayloadIsUndecodable() {
        // id "a", lang "en", modelVersion "v", then theta claiming 2^30 floats.
        byte[] value = Fixtures.singleObject(DocumentTopics.getClassSchema(),
                0x02, 'a', 0x04, 'e', 'n', 0x02, 'v', 0x80, 0x80, 0x80, 0x80, 0x08, 0, 0, 0, 0);

        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> GlostreamSerdes.documentTopics(store).deserialize("document-topics", value));

        assertTrue(e.getMessage().contains("truncated: array block of 1073741824 items at byte 22 runs past the end (26 bytes)"),
                e.getMessage());
    }

    @Test
    void overlongVarintIsUndecodable() {
        assertUndecodable(Fixtures.singleObject(Document.getClassSchema(),
                        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                "string length at byte 10 is not a valid varint (over 10 bytes)");
    }

    @Test
    void enumIndexOutOfRangeIsUndecodable() {
        // Zig-zag 0x12 is 9; DeadLetterReason has 7 symbols.
        byte[] value = Fixtures.singleObject(DeadLetter.getClassSchema(), 0x12, 0, 0, 0, 0, 0, 0, 0, 0);

        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> GlostreamSerdes.deadLetter(store).deserialize("documents-dlq", value));

        assertTrue(e.getMessage().contains("enum io.glostream.schemas.DeadLetterReason index 9 at byte 10 is outside [0, 7)"),
                e.getMessage());
    }

    @Test
    void recordOfAnotherContractIsUndecodableNamingBothTypes() {
        byte[] topics = GlostreamSerdes.documentTopics(store).serialize("document-topics", Fixtures.documentTopics());

        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> documents.deserialize("documents", topics));

        assertTrue(e.getMessage().startsWith("cannot decode " + DOCUMENT), e.getMessage());
        assertTrue(e.getMessage().contains("(io.glostream.schemas.DocumentTopics) does not resolve to the reader"),
                e.getMessage());
    }

    private void assertUndecodable(byte[] value, String expectedProblem) {
        UndecodableRecordException e = assertThrows(UndecodableRecordException.class,
                () -> documents.deserialize("documents", value));

        String message = e.getMessage();
        assertTrue(message.startsWith("cannot decode " + DOCUMENT + " from " + value.length + " bytes: "), message);
        assertTrue(message.contains(expectedProblem), message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    private static <T extends SpecificRecord> void assertEveryPrefixUndecodable(AvroSerde<T> serde, T record) {
        byte[] valid = serde.serialize("any", record);
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThrows(UndecodableRecordException.class, () -> serde.deserialize("any", prefix),
                    "prefix of " + length + " of " + valid.length + " bytes");
        }
    }
}
