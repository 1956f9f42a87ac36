package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.Test;

/** The structural check against bodies Avro itself encoded, and against hand-made corruptions. */
class EncodedBodyCheckTest {

    /** Every Avro type, including zero-byte array items and nested blocks. */
    private static final Schema EVERY_TYPE = new Schema.Parser().parse("""
            {"type": "record", "name": "EveryType", "namespace": "test", "fields": [
              {"name": "nothing", "type": "null"},
              {"name": "flag", "type": "boolean"},
              {"name": "small", "type": "int"},
              {"name": "large", "type": "long"},
              {"name": "single", "type": "float"},
              {"name": "twice", "type": "double"},
              {"name": "blob", "type": "bytes"},
              {"name": "text", "type": "string"},
              {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
              {"name": "colour", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN", "BLUE"]}},
              {"name": "choice", "type": ["null", "string", "long"]},
              {"name": "nulls", "type": {"type": "array", "items": "null"}},
              {"name": "numbers", "type": {"type": "array", "items": "int"}},
              {"name": "words", "type": {"type": "map", "values": {"type": "array", "items": "string"}}},
              {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
                {"name": "maybe", "type": ["null", "Inner"], "default": null},
                {"name": "weights", "type": {"type": "array", "items": "float"}}]}}
            ]}""");

    private static final Schema INTS = Schema.createArray(Schema.create(Schema.Type.INT));
    private static final Schema NULLS = Schema.createArray(Schema.create(Schema.Type.NULL));

    @Test
    void acceptsRandomValuesAsAvroEncodesThem() throws IOException {
        for (Object value : new RandomData(GenericData.get(), EVERY_TYPE, 300, 7L)) {
            byte[] body = encode(value, false);
            assertEquals(Optional.empty(), EncodedBodyCheck.findProblem(EVERY_TYPE, body, 0), value.toString());
        }
    }

    @Test
    void acceptsRandomValuesInBlockedEncodingWithByteSizes() throws IOException {
        int differentFromPlain = 0;
        for (Object value : new RandomData(GenericData.get(), EVERY_TYPE, 300, 11L)) {
            byte[] blocked = encode(value, true);
            if (!Arrays.equals(blocked, encode(value, false))) {
                differentFromPlain++;
            }
            assertEquals(Optional.empty(), EncodedBodyCheck.findProblem(EVERY_TYPE, blocked, 0), value.toString());
        }
        assertTrue(differentFromPlain > 0, "the blocking encoder never wrote a sized block");
    }

    @Test
    void rejectsEveryStrictPrefixOfRandomValues() throws IOException {
        for (Object value : new RandomData(GenericData.get(), EVERY_TYPE, 50, 13L)) {
            byte[] body = encode(value, false);
            for (int length = 0; length < body.length; length++) {
                Optional<String> problem = EncodedBodyCheck.findProblem(EVERY_TYPE, Arrays.copyOf(body, length), 0);
                assertTrue(problem.orElse("").startsWith("truncated: "), length + " of " + body.length + ": " + problem);
            }
        }
    }

    @Test
    void startsAtTheGivenOffset() {
        // Two bytes of something else, then [1, 2]: count 2, items 1 and 2 (zig-zag), end of blocks.
        byte[] data = {(byte) 0xC3, 0x01, 0x04, 0x02, 0x04, 0x00};

        assertEquals(Optional.empty(), EncodedBodyCheck.findProblem(INTS, data, 2));
    }

    @Test
    void reportsTrailingBytes() {
        byte[] data = {0x04, 0x02, 0x04, 0x00, 0x00, 0x00};

        assertEquals(Optional.of("2 trailing byte(s) after the record, from byte 4"),
                EncodedBodyCheck.findProblem(INTS, data, 0));
    }

    @Test
    void acceptsManyZeroByteItemsInAFewBytes() {
        // A million nulls: count 1000000 (zig-zag varint 80 89 7A), no item bytes, end of blocks.
        byte[] data = {(byte) 0x80, (byte) 0x89, 0x7A, 0x00};

        assertEquals(Optional.empty(), EncodedBodyCheck.findProblem(NULLS, data, 0));
    }

    @Test
    void rejectsABlockWhoseDeclaredSizeDiffersFromItsItems() {
        // Count -1 (one item, sized block), declared size 2, but the single int item takes 1 byte.
        byte[] data = {0x01, 0x04, 0x02, 0x00, 0x00};

        assertEquals(Optional.of("array block at byte 2 declares 2 bytes but its items take 1"),
                EncodedBodyCheck.findProblem(INTS, data, 0));
    }

    @Test
    void rejectsABooleanOtherThanZeroOrOne() {
        Schema flag = Schema.create(Schema.Type.BOOLEAN);

        assertEquals(Optional.of("boolean at byte 0 is 2, not 0 or 1"),
                EncodedBodyCheck.findProblem(flag, new byte[] {0x02}, 0));
    }

    @Test
    void rejectsAnIntVarintLongerThanFiveBytes() {
        Schema small = Schema.create(Schema.Type.INT);
        byte[] data = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};

        Optional<String> problem = EncodedBodyCheck.findProblem(small, data, 0);

        assertEquals(Optional.of("int at byte 0 is not a valid varint (over 5 bytes)"), problem);
    }

    @Test
    void rejectsAMapWithANegativeKeyLength() {
        Schema map = Schema.createMap(Schema.create(Schema.Type.INT));
        // One entry, key length -1.
        byte[] data = {0x02, 0x01, 0x00, 0x00};

        assertEquals(Optional.of("negative map key length -1 at byte 1"), EncodedBodyCheck.findProblem(map, data, 0));
    }

    @Test
    void acceptsAnEmptyArray() {
        assertFalse(EncodedBodyCheck.findProblem(INTS, new byte[] {0x00}, 0).isPresent());
    }

    private static byte[] encode(Object value, boolean blocked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = blocked
                ? new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null)
                : EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(EVERY_TYPE).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
