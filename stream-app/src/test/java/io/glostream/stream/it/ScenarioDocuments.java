package io.glostream.stream.it;

import io.glostream.schemas.Document;
import io.glostream.stream.demo.DemoCorpus;
import io.glostream.stream.testing.StreamScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mixed English and raw Chinese test documents for the integration tests: EC News when ../shared is there, else the sample, repeated. */
final class ScenarioDocuments {

    private ScenarioDocuments() {
    }

    /** {@code count} documents with unique ids, alternating languages, every third without a language. */
    static List<Document> mixed(int count, String idPrefix) throws IOException {
        String shared = System.getProperty("glostream.shared");
        Path ecNews = shared == null ? null : Path.of(shared, "data", "ec_news");
        Path source = ecNews != null && Files.isDirectory(ecNews) ? ecNews
                : Path.of(System.getProperty("glostream.root", ".."), "sample", "ec_news");
        List<DemoCorpus.Text> texts = DemoCorpus.load(source, (count + 1) / 2);
        List<Document> documents = new ArrayList<>(count);
        for (int i = 0; documents.size() < count; i++) {
            DemoCorpus.Text text = texts.get(i % texts.size());
            documents.add(StreamScenario.document(idPrefix + i, text.lang(), text.text()));
        }
        return documents;
    }
}
