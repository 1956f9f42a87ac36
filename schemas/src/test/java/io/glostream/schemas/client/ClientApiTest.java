package io.glostream.schemas.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.schemas.DeadLetter;
import io.glostream.schemas.DeadLetterReason;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.GlostreamSerdes;
import io.glostream.schemas.TopicWeight;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientApiTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:00Z");

    @Test
    void documentsAreValidAvroRecordsWithTheirDefaults() {
        Document document = Documents.of("d1", null, "股市下跌");
        assertEquals(null, document.getLang());
        assertEquals(Map.of(), document.getAttributes());
        assertEquals(document, GlostreamSerdes.document().deserialize("t", GlostreamSerdes.document().serialize("t", document)));
    }

    @Test
    void aDocumentWithoutIdOrTextOrWithABlankLanguageIsRefused() {
        assertEquals("a document needs a non-blank id",
                assertThrows(IllegalArgumentException.class, () -> Documents.of(" ", "en", "x")).getMessage());
        assertEquals("document d needs a text",
                assertThrows(IllegalArgumentException.class, () -> Documents.of("d", "en", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Documents.of("d", "", "x", T0, Map.of()));
    }

    @Test
    void describeListsTopTopicsWithTheirFirstWordsPerLanguage() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        words.put("en", List.of("market", "stock", "shares"));
        words.put("zh", List.of("股市", "下跌"));
        DocumentTopics topics = DocumentTopics.newBuilder().setId("d1").setLang("en").setModelVersion("v2")
                .setTheta(List.of(0.25f, 0.75f)).setOovRate(0f).setTokens(3).setTimestamp(T0)
                .setTopTopics(List.of(TopicWeight.newBuilder().setTopic(1).setWeight(0.75f).setLabel("market")
                        .setWords(words).build()))
                .build();
        assertEquals("d1 [en, model v2] 1 (0.75): market stock / 股市 下跌", Results.describe(topics, 2));
    }

    @Test
    void aDeadLetterGivesBackItsOriginalBytesAndTextOnlyWhenItIsText() {
        byte[] json = "{\"id\": \"x\", \"text\":".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("{\"id\": \"x\", \"text\":"), Results.originalText(letter(json)));
        assertArrayEquals(json, Results.original(letter(json)));
        byte[] avro = GlostreamSerdes.document().serialize("t", Documents.of("d", "en", "x"));
        assertTrue(Results.originalText(letter(avro)).isEmpty());
        assertTrue(Results.originalText(letter(new byte[] {'a', 0, 'b'})).isEmpty());
    }

    private static DeadLetter letter(byte[] original) {
        return DeadLetter.newBuilder().setReason(DeadLetterReason.UNDECODABLE).setMessage("m").setSourceTopic("t")
                .setPartition(0).setOffset(0).setOriginal(ByteBuffer.wrap(original)).setFailedAt(T0).build();
    }
}
