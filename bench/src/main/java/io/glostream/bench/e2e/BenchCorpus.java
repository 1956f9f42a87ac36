package io.glostream.bench.e2e;

import io.glostream.stream.demo.DemoCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's documents: the demo's raw texts (English, and Chinese with its segmentation spaces removed),
 * repeated in order until there are as many as asked, each with a unique id {@code <lang>-<index>} so that a
 * result names the document, and through its index, the time it was sent.
 */
public final class BenchCorpus {

    /** One document: its position in the stream, id, language (always given) and raw text. */
    public record BenchDocument(int index, String id, String lang, String text) {
    }

    private final List<String> english;
    private final List<String> chinese;
    private final LangMix mix;

    private BenchCorpus(List<String> english, List<String> chinese, LangMix mix) {
        this.english = english;
        this.chinese = chinese;
        this.mix = mix;
    }

    /**
     * The texts of {@code dir} (a benchmark directory such as {@code ../shared/data/ec_news}, or the committed
     * sample), as {@link DemoCorpus} reads them.
     *
     * @throws IllegalArgumentException when the directory holds no texts of a language the mix needs
     */
    public static BenchCorpus load(Path dir, LangMix mix) throws IOException {
        List<String> english = new ArrayList<>();
        List<String> chinese = new ArrayList<>();
        for (DemoCorpus.Text text : DemoCorpus.load(dir, Integer.MAX_VALUE)) {
            (text.id().startsWith("zh-") ? chinese : english).add(text.text());
        }
        if (mix != LangMix.ZH && english.isEmpty()) {
            throw new IllegalArgumentException("--data " + dir + " has no English texts");
        }
        if (mix != LangMix.EN && chinese.isEmpty()) {
            throw new IllegalArgumentException("--data " + dir + " has no Chinese texts");
        }
        return new BenchCorpus(english, chinese, mix);
    }

    /** The document at {@code index} of the stream: mixed streams alternate English and Chinese. */
    public BenchDocument document(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a document index must be >= 0, got " + index);
        }
        boolean zh = mix == LangMix.ZH || (mix == LangMix.MIXED && index % 2 == 1);
        List<String> texts = zh ? chinese : english;
        int position = mix == LangMix.MIXED ? index / 2 : index;
        String lang = zh ? "zh" : "en";
        return new BenchDocument(index, lang + "-" + index, lang, texts.get(position % texts.size()));
    }

    /** Documents {@code from .. from + count - 1}. */
    public List<BenchDocument> documents(int from, int count) {
        List<BenchDocument> documents = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            documents.add(document(i));
        }
        return documents;
    }

    /** The index a document id of this corpus carries, or -1 when the id is not one of them. */
    public static int indexOf(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash < 0 || !(id.startsWith("en-") || id.startsWith("zh-"))) {
            return -1;
        }
        try {
            return Integer.parseInt(id, dash + 1, id.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Distinct English and Chinese texts the documents cycle through. */
    public int distinctTexts() {
        return (mix == LangMix.ZH ? 0 : english.size()) + (mix == LangMix.EN ? 0 : chinese.size());
    }
}
