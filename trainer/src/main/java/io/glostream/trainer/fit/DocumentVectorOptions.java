package io.glostream.trainer.fit;

import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.trainer.embeddings.DocumentVectorSource;
import io.glostream.trainer.embeddings.TfidfDocumentEmbeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code fit}'s choice of the document vectors E that the CKA loss aligns theta with, per language. */
public final class DocumentVectorOptions {

    private static final Pattern LANG_PREFIX = Pattern.compile("([a-z]{2,3})=(.+)");

    @Option(names = "--doc-embeddings", paramLabel = "LANG=FILE.npy",
            description = "Document vectors for CKA: float32 .npy [documents x d], row i for training document i of "
                    + "LANG, in the data's order (after --max-docs).")
    Map<String, Path> npy = new LinkedHashMap<>();

    @Option(names = "--sentence-encoder", paramLabel = "[LANG=]DIR",
            description = "Document vectors for CKA from an ONNX sentence encoder: DIR holds model.onnx and "
                    + "tokenizer.json (HuggingFace layout); mean-pooled, unit length. Without LANG=, for both "
                    + "languages. Default for both options: tf-idf weightings of the word vectors (--tfidf-weighting).")
    List<String> encoders = new ArrayList<>();

    @Option(names = "--tfidf-weighting", defaultValue = "mean", paramLabel = "mean|l2-sum",
            description = "How the default document vectors add up tf-idf weighted word vectors: mean (divided by "
                    + "the weights) or l2-sum (scikit-learn's unit-L2 tf-idf rows, undivided). Default: "
                    + "${DEFAULT-VALUE}.")
    String tfidfWeighting;

    @Option(names = "--encoder-batch", defaultValue = "32", paramLabel = "N",
            description = "Texts per sentence-encoder run (default: ${DEFAULT-VALUE}).")
    int encoderBatch;

    /**
     * The source of each language's document vectors, in layout order.
     *
     * @throws IllegalArgumentException naming the option when a language is not among {@code langs}, has two
     *     sources, a file or directory is missing, or the tf-idf weighting is unknown
     */
    public Map<String, DocumentVectorSource> sources(List<String> langs) {
        DocumentVectorSource tfidf =
                new DocumentVectorSource.Tfidf(TfidfDocumentEmbeddings.Weighting.parse(tfidfWeighting));
        Map<String, DocumentVectorSource> chosen = new LinkedHashMap<>();
        List<String> canonical;
        try {
            canonical = langs.stream().map(LanguageAnalyzers::canonicalLanguage).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--langs: " + e.getMessage(), e);
        }
        npy.forEach((lang, file) -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--doc-embeddings " + lang + "=" + file + ": no such file");
            }
            choose(chosen, canonical, lang, new DocumentVectorSource.NpyFile(file), "--doc-embeddings");
        });
        for (String value : encoders) {
            Matcher m = LANG_PREFIX.matcher(value);
            boolean perLanguage = m.matches() && !Files.exists(Path.of(value));
            Path dir = Path.of(perLanguage ? m.group(2) : value);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--sentence-encoder " + value + ": " + dir + " is not a directory");
            }
            DocumentVectorSource source = new DocumentVectorSource.SentenceEncoder(dir, encoderBatch);
            for (String lang : perLanguage ? List.of(m.group(1)) : canonical) {
                choose(chosen, canonical, lang, source, "--sentence-encoder");
            }
        }
        Map<String, DocumentVectorSource> ordered = new LinkedHashMap<>();
        for (String lang : canonical) {
            ordered.put(lang, chosen.getOrDefault(lang, tfidf));
        }
        return ordered;
    }

    private static void choose(Map<String, DocumentVectorSource> chosen, List<String> langs, String lang,
                               DocumentVectorSource source, String option) {
        String l = LanguageAnalyzers.canonicalLanguage(lang);
        if (!langs.contains(l)) {
            throw new IllegalArgumentException(option + ": " + lang + " is not one of --langs " + String.join(",", langs));
        }
        if (chosen.put(l, source) != null) {
            throw new IllegalArgumentException(option + ": " + l + " already has document vectors from another option;"
                    + " give one source per language");
        }
    }
}
