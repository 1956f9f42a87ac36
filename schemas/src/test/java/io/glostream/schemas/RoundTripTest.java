package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private final SchemaStore store = new SchemaStore();

    @Test
    void documentWithUnicodeTextAndAttributesRoundTrips() {
        AvroSerde<Document> serde = GlostreamSerdes.document(store);
        Document original = Fixtures.chineseDocument();

        assertEquals(original, serde.deserialize("documents", serde.serialize("documents", original)));
    }

    @Test
    void documentWithoutLanguageRoundTripsWithNullLangAndEmptyAttributes() {
        AvroSerde<Document> serde = GlostreamSerdes.document(store);

        Document decoded = serde.deserialize("documents",
                serde.serialize("documents", Fixtures.documentWithoutLanguage()));

        assertNull(decoded.getLang());
        assertEquals(Map.of(), decoded.getAttributes());
        assertEquals(Fixtures.documentWithoutLanguage(), decoded);
    }

    @Test
    void documentTopicsWithThetaAndTopicWordsRoundTrips() {
        AvroSerde<DocumentTopics> serde = GlostreamSerdes.documentTopics(store);
        DocumentTopics original = Fixtures.documentTopics();

        assertEquals(original, serde.deserialize("document-topics", serde.serialize("document-topics", original)));
    }

    @Test
    void deadLetterWithOriginalBytesRoundTrips() {
        AvroSerde<DeadLetter> serde = GlostreamSerdes.deadLetter(store);
        DeadLetter original = Fixtures.deadLetter();

        DeadLetter decoded = serde.deserialize("documents-dlq", serde.serialize("documents-dlq", original));

        assertEquals(original, decoded);
        assertArrayEquals(new byte[] {(byte) 0xC3, 0x01, 0x00, (byte) 0xFF, 0x7F}, bytesOf(decoded.getOriginal()));
    }

    @Test
    void deadLetterWithoutOriginalKeyRoundTrips() {
        AvroSerde<DeadLetter> serde = GlostreamSerdes.deadLetter(store);
        DeadLetter original = DeadLetter.newBuilder(Fixtures.deadLetter()).setOriginalKey(null).build();

        assertEquals(original, serde.deserialize("documents-dlq", serde.serialize("documents-dlq", original)));
    }

    @Test
    void modelRefRoundTrips() {
        AvroSerde<ModelRef> serde = GlostreamSerdes.modelRef(store);
        ModelRef original = Fixtures.modelRef();

        assertEquals(original, serde.deserialize("models", serde.serialize("models", original)));
    }

    @Test
    void defaultStoreSerdesRoundTrip() {
        assertEquals(Fixtures.modelRef(), GlostreamSerdes.modelRef().deserialize("models",
                GlostreamSerdes.modelRef().serialize("models", Fixtures.modelRef())));
    }

    @Test
    void nullRecordSerialisesToNull() {
        assertNull(GlostreamSerdes.document(store).serialize("documents", null));
    }

    @Test
    void nullBytesDeserialiseToNullForTombstones() {
        assertNull(GlostreamSerdes.modelRef(store).deserialize("models", null));
    }

    @Test
    void encodingIsMarkerThenLittleEndianFingerprintThenPlainAvroBinary() throws IOException {
        Document document = Fixtures.chineseDocument();
        byte[] encoded = GlostreamSerdes.document(store).serialize("documents", document);

        long fingerprint = ByteBuffer.wrap(encoded, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals((byte) 0xC3, encoded[0]);
        assertEquals((byte) 0x01, encoded[1]);
        assertEquals(SchemaStore.fingerprint(Document.getClassSchema()), fingerprint);
        assertArrayEquals(plainBinary(document), Arrays.copyOfRange(encoded, 10, encoded.length));
    }

    @Test
    void serialisingARecordWithoutARequiredFieldFails() {
        Document missingText = new Document();
        missingText.setId("doc-1");
        missingText.setTimestamp(Fixtures.WRITTEN_AT);
        missingText.setAttributes(Map.of());

        SerializationException e = assertThrows(SerializationException.class,
                () -> GlostreamSerdes.document(store).serialize("documents", missingText));

        assertTrue(e.getMessage().startsWith("cannot encode io.glostream.schemas.Document"), e.getMessage());
    }

    @Test
    void serdeServesAsItsOwnSerializerAndDeserializer() {
        AvroSerde<ModelRef> serde = GlostreamSerdes.modelRef(store);

        byte[] encoded = serde.serializer().serialize("models", Fixtures.modelRef());

        assertEquals(Fixtures.modelRef(), serde.deserializer().deserialize("models", encoded));
    }

    private static byte[] plainBinary(Document document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Document.class).write(document, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
