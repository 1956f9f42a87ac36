package io.glostream.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/** Realistic records and hand-built encodings shared by the serde tests. */
final class Fixtures {

    static final Instant WRITTEN_AT = Instant.parse("2024-05-17T08:30:15.123Z");

    private Fixtures() {
    }

    static Document chineseDocument() {
        return Document.newBuilder()
                .setId("doc-00042")
                .setLang("zh")
                .setText("今天的新闻：央行宣布降息 0.25 个百分点。Émile a dit « bonjour » 👋")
                .setTimestamp(WRITTEN_AT)
                .setAttributes(Map.of("source", "新华社", "url", "https://example.org/n/42?q=ü"))
                .build();
    }

    static Document documentWithoutLanguage() {
        return Document.newBuilder()
                .setId("doc-00043")
                .setLang(null)
                .setText("東京の天気は晴れ、最高気温は二十五度です。")
                .setTimestamp(WRITTEN_AT)
                .build();
    }

    static DocumentTopics documentTopics() {
        return DocumentTopics.newBuilder()
                .setId("doc-00042")
                .setLang("zh")
                .setModelVersion("gloctm-2024.05.1")
                .setTheta(List.of(0.5f, 0.25f, 0.125f, 0.125f))
                .setTopTopics(List.of(
                        TopicWeight.newBuilder()
                                .setTopic(0)
                                .setWeight(0.5f)
                                .setLabel("economy / 经济")
                                .setWords(Map.of(
                                        "en", List.of("bank", "rate", "inflation"),
                                        "zh", List.of("银行", "利率", "通胀")))
                                .build(),
                        TopicWeight.newBuilder()
                                .setTopic(1)
                                .setWeight(0.25f)
                                .setLabel("weather")
                                .setWords(Map.of("ja", List.of("天気", "気温")))
                                .build()))
                .setOovRate(0.0625f)
                .setTokens(16)
                .setTimestamp(WRITTEN_AT)
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setReason(DeadLetterReason.UNSUPPORTED_LANGUAGE)
                .setMessage("language 'ko' is not among the model's languages [en, ja, zh]")
                .setSourceTopic("documents")
                .setPartition(3)
                .setOffset(1_234_567_890_123L)
                .setOriginalKey(ByteBuffer.wrap("doc-00044".getBytes(StandardCharsets.UTF_8)))
                .setOriginal(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 0x01, 0x00, (byte) 0xFF, 0x7F}))
                .setFailedAt(WRITTEN_AT.plusMillis(250))
                .build();
    }

    static ModelRef modelRef() {
        return ModelRef.newBuilder()
                .setVersion("gloctm-2024.05.1")
                .setUri("file:///var/lib/glostream/models/gloctm-2024.05.1.zip")
                .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .setCreatedAt(WRITTEN_AT)
                .build();
    }

    /** The single-object header (marker and little-endian fingerprint of {@code writer}) followed by {@code body}. */
    static byte[] singleObject(Schema writer, int... body) {
        ByteBuffer bytes = ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 0xC3).put((byte) 0x01).putLong(SchemaStore.fingerprint(writer));
        for (int b : body) {
            bytes.put((byte) b);
        }
        return bytes.array();
    }

    /** What a writer holding only {@code writer} (an older or newer version of a contract) would produce. */
    static byte[] encodeGeneric(Schema writer, GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
