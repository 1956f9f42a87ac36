package io.glostream.stream.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Documents the demo replays: English and Chinese test documents of a benchmark corpus
 * ({@code test_texts_en.txt.gz}, {@code test_texts_cn.txt.gz}) or of the committed sample
 * ({@code en.test.jsonl}, {@code zh.test.jsonl}), interleaved, with the spaces of the Chinese segmentation
 * removed so they arrive as raw text does.
 */
public final class DemoCorpus {

    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One document to send; {@code lang} null means the app must detect it. */
    public record Text(String id, String lang, String text) {
    }

    private DemoCorpus() {
    }

    /** The default data: the shared EC News corpus when it is beside the checkout, else the committed sample. */
    public static Path defaultData() {
        Path shared = Path.of("..", "shared", "data", "ec_news");
        return Files.isDirectory(shared) ? shared : Path.of("sample", "ec_news");
    }

    /**
     * Up to {@code perLanguage} documents of each language, alternating languages; every third one has
     * no language, so the app detects it from the script.
     *
     * @throws IllegalArgumentException when {@code dir} holds neither layout
     */
    public static List<Text> load(Path dir, int perLanguage) throws IOException {
        List<String> en = texts(dir, "en", perLanguage);
        List<String> zh = texts(dir, "zh", perLanguage);
        List<Text> docs = new ArrayList<>();
        for (int i = 0; i < Math.max(en.size(), zh.size()); i++) {
            if (i < en.size()) {
                docs.add(new Text("en-" + i, docs.size() % 3 == 2 ? null : "en", en.get(i)));
            }
            if (i < zh.size()) {
                docs.add(new Text("zh-" + i, docs.size() % 3 == 2 ? null : "zh", despace(zh.get(i))));
            }
        }
        return docs;
    }

    /** Chinese as it is written: no spaces between Han characters. */
    public static String despace(String text) {
        return SPACE_BETWEEN_HAN.matcher(text).replaceAll("");
    }

    private static List<String> texts(Path dir, String lang, int limit) throws IOException {
        Path benchmark = dir.resolve("test_texts_" + (lang.equals("zh") ? "cn" : lang) + ".txt.gz");
        Path jsonl = dir.resolve(lang + ".test.jsonl");
        List<String> texts = new ArrayList<>();
        if (Files.isRegularFile(benchmark)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(benchmark)), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null && texts.size() < limit; line = in.readLine()) {
                    if (!line.isBlank()) {
                        texts.add(line.strip());
                    }
                }
            }
        } else if (Files.isRegularFile(jsonl)) {
            try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null && texts.size() < limit; line = in.readLine()) {
                    JsonNode text = line.isBlank() ? null : JSON.readTree(line).get("text");
                    if (text != null && text.isTextual() && !text.asText().isBlank()) {
                        texts.add(text.asText().strip());
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("--data " + dir + ": no " + benchmark.getFileName() + " or "
                    + jsonl.getFileName());
        }
        return texts;
    }
}
