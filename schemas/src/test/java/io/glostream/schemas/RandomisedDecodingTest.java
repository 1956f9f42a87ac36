package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, the deserializer returns a record or throws UndecodableRecordException.
 * Seeded, so a failure names an input that reproduces it.
 */
class RandomisedDecodingTest {

    private static final long SEED = 0x6C05_7E4DL;

    private final SchemaStore store = new SchemaStore();
    private final AvroSerde<Document> documents = GlostreamSerdes.document(store);

    @Test
    void arbitraryBytesDecodeOrAreUndecodable() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            byte[] value = new byte[random.nextInt(300)];
            random.nextBytes(value);
            if (i % 2 == 0 && value.length >= 2) {
                // Half get the marker, so the fingerprint check is reached too.
                value[0] = (byte) 0xC3;
                value[1] = 0x01;
            }
            decodeOrUndecodable(documents, value);
        }
    }

    @Test
    void arbitraryBodiesBehindAKnownHeaderDecodeOrAreUndecodable() {
        byte[] header = Arrays.copyOf(documents.serialize("documents", Fixtures.chineseDocument()), 10);
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 5_000; i++) {
            byte[] value = Arrays.copyOf(header, 10 + random.nextInt(300));
            for (int b = 10; b < value.length; b++) {
                value[b] = (byte) random.nextInt(256);
            }
            decodeOrUndecodable(documents, value);
        }
    }

    @Test
    void everySingleByteChangeOfADocumentDecodesOrIsUndecodable() {
        assertEverySingleByteChangeDecodesOrIsUndecodable(documents, Fixtures.chineseDocument());
    }

    @Test
    void everySingleByteChangeOfDocumentTopicsDecodesOrIsUndecodable() {
        assertEverySingleByteChangeDecodesOrIsUndecodable(
                GlostreamSerdes.documentTopics(store), Fixtures.documentTopics());
    }

    @Test
    void randomDocumentsRoundTrip() {
        Random random = new Random(SEED + 2);
        String[] languages = {null, "en", "zh", "ja", "de"};
        for (int i = 0; i < 1_000; i++) {
            Map<String, String> attributes = new HashMap<>();
            for (int a = random.nextInt(4); a > 0; a--) {
                attributes.put(randomText(random, 12), randomText(random, 30));
            }
            Document original = new Document(randomText(random, 20), languages[random.nextInt(languages.length)],
                    randomText(random, 200), Instant.ofEpochMilli(random.nextLong() >> 20), attributes);

            assertEquals(original, documents.deserialize("documents", documents.serialize("documents", original)));
        }
    }

    private static <T extends SpecificRecord> void assertEverySingleByteChangeDecodesOrIsUndecodable(
            AvroSerde<T> serde, T record) {
        byte[] valid = serde.serialize("any", record);
        for (int position = 0; position < valid.length; position++) {
            for (int replacement = 0; replacement < 256; replacement++) {
                byte[] changed = valid.clone();
                changed[position] = (byte) replacement;
                decodeOrUndecodable(serde, changed);
            }
        }
    }

    private static void decodeOrUndecodable(AvroSerde<?> serde, byte[] value) {
        try {
            serde.deserialize("any", value);
        } catch (UndecodableRecordException expected) {
            assertTrue(expected.getMessage().startsWith("cannot decode io.glostream.schemas."), expected.getMessage());
        } catch (RuntimeException other) {
            fail("not an UndecodableRecordException for " + HexFormat.of().formatHex(value), other);
        }
    }

    /** Text of random Unicode code points, never lone surrogates, which UTF-8 cannot carry. */
    private static String randomText(Random random, int maxCodePoints) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxCodePoints + 1); n > 0; n--) {
            int codePoint = random.nextInt(0x110000);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
