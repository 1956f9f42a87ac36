package io.glostream.trainer.corpus;

import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A bilingual benchmark in the layout of the shared data (InfoCTM/GloCTM): per language, with file suffix
 * {@code cn} for Chinese, {@code vocab_<sfx>.gz}, {@code {train,test}_texts_<sfx>.txt.gz} (preprocessed,
 * space-separated tokens; Amazon Review's Chinese training texts are rebuilt from the BoW as
 * {@code train_texts_cn_from_bow.txt.gz}), {@code {train,test}_labels_<sfx>.txt.gz} and
 * {@code word2vec_<sfx>.npz} (monolingual vectors, one row per vocabulary word).
 */
public final class BenchmarkDataset {

    /** One language of the benchmark. */
    public record Language(String lang, Vocabulary vocabulary, List<RawDocument> train, List<RawDocument> test,
                           WordVectors vectors) {
    }

    private BenchmarkDataset() {
    }

    /** True when {@code dir} looks like a benchmark directory for {@code lang}. */
    public static boolean isBenchmarkLayout(Path dir, String lang) {
        return Files.exists(dir.resolve("vocab_" + suffix(lang) + ".gz"));
    }

    /** Loads one language; {@code name} prefixes document ids. */
    public static Language load(Path dir, String lang) {
        String sfx = suffix(lang);
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.load(dir.resolve("vocab_" + sfx + ".gz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        String dataset = dir.getFileName() == null ? "data" : dir.getFileName().toString();
        List<RawDocument> train = documents(dataset, lang, "train",
                TextFiles.firstExisting(dir.resolve("train_texts_" + sfx + ".txt.gz"), dir.resolve("train_texts_" + sfx + "_from_bow.txt.gz")),
                dir.resolve("train_labels_" + sfx + ".txt.gz"));
        List<RawDocument> test = documents(dataset, lang, "test", dir.resolve("test_texts_" + sfx + ".txt.gz"),
                dir.resolve("test_labels_" + sfx + ".txt.gz"));
        SparseMatrixNpz w2v = SparseMatrixNpz.load(dir.resolve("word2vec_" + sfx + ".npz"));
        if (w2v.rows() != vocabulary.size()) {
            throw new CorpusFormatException(dir.resolve("word2vec_" + sfx + ".npz") + ": " + w2v.rows()
                    + " rows for a vocabulary of " + vocabulary.size() + " words");
        }
        Map<String, float[]> vectors = new HashMap<>();
        for (int w = 0; w < vocabulary.size(); w++) {
            float[] row = w2v.row(w);
            for (int c = 0; c < row.length; c++) {
                // one NaN poisons the neighbour search and the CKA embeddings far from here: refuse it at the source
                if (!Float.isFinite(row[c])) {
                    throw new CorpusFormatException(dir.resolve("word2vec_" + sfx + ".npz") + ": row " + w + " (\""
                            + vocabulary.word(w) + "\"), column " + c + " is " + row[c] + ", not a finite number");
                }
            }
            vectors.put(vocabulary.word(w), row);
        }
        return new Language(lang, vocabulary, train, test, WordVectors.of(w2v.columns(), vectors));
    }

    private static String suffix(String lang) {
        return "zh".equals(lang) ? "cn" : lang;
    }


    private static List<RawDocument> documents(String dataset, String lang, String split, Path texts, Path labels) {
        List<String> lines = readLines(texts);
        List<String> labelLines = readLines(labels);
        if (lines.size() != labelLines.size()) {
            throw new CorpusFormatException(labels + ": " + labelLines.size() + " labels for " + lines.size()
                    + " documents in " + texts.getFileName());
        }
        List<RawDocument> docs = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            int label;
            try {
                label = Integer.parseInt(labelLines.get(i).trim());
            } catch (NumberFormatException e) {
                throw new CorpusFormatException(labels + ":" + (i + 1) + ": \"" + labelLines.get(i)
                        + "\" is not an integer label");
            }
            docs.add(new RawDocument(dataset + "-" + lang + "-" + split + "-" + i, lang, lines.get(i),
                    OptionalInt.of(label)));
        }
        if (docs.isEmpty()) {
            throw new CorpusFormatException(texts + ": no documents");
        }
        return docs;
    }

    private static List<String> readLines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = TextFiles.open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new CorpusFormatException(file + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
