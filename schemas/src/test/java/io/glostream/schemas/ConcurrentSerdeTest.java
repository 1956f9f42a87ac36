package io.glostream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.Test;

class ConcurrentSerdeTest {

    private static final int THREADS = 16;
    private static final int RECORDS_PER_THREAD = 400;

    private static final Schema OLDER_DOCUMENT = new Schema.Parser().parse("""
            {"type": "record", "name": "Document", "namespace": "io.glostream.schemas", "fields": [
              {"name": "id", "type": "string"},
              {"name": "lang", "type": ["null", "string"], "default": null},
              {"name": "text", "type": "string"},
              {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}}
            ]}""");

    @Test
    void oneSharedSerdeEncodesAndDecodesCorrectlyFromManyThreads() throws Exception {
        SchemaStore store = new SchemaStore();
        AvroSerde<Document> shared = GlostreamSerdes.document(store);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                    Document original = document(thread, i);
                    assertEquals(original, shared.deserialize("documents", shared.serialize("documents", original)));
                    // Records from an older writer go through the resolving path, whose caches fill concurrently.
                    byte[] older = Fixtures.encodeGeneric(OLDER_DOCUMENT, new GenericRecordBuilder(OLDER_DOCUMENT)
                            .set("id", original.getId())
                            .set("lang", original.getLang())
                            .set("text", original.getText())
                            .set("timestamp", original.getTimestamp().toEpochMilli())
                            .build());
                    Document upgraded = Document.newBuilder(original).setAttributes(Map.of()).build();
                    assertEquals(upgraded, shared.deserialize("documents", older));
                    checked += 2;
                }
                return checked;
            });
        }
        store.register(OLDER_DOCUMENT);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            workers.forEach(worker -> results.add(pool.submit(worker)));
            start.countDown();
            int checked = 0;
            for (Future<Integer> result : results) {
                checked += result.get();
            }
            assertEquals(THREADS * RECORDS_PER_THREAD * 2, checked);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Document document(int thread, int i) {
        return Document.newBuilder()
                .setId("t" + thread + "-d" + i)
                .setLang(i % 3 == 0 ? null : (i % 3 == 1 ? "en" : "zh"))
                .setText("線程 " + thread + " document " + i + " ".repeat(i % 7) + "テキスト")
                .setTimestamp(Fixtures.WRITTEN_AT.plusMillis(thread * 1_000L + i))
                .setAttributes(Map.of("thread", Integer.toString(thread), "seq", Integer.toString(i)))
                .build();
    }
}
