package io.glostream.trainer.fit;

import io.glostream.core.text.AnalyzerSettings;
import io.glostream.core.text.LanguageAnalyzers;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.corpus.BenchmarkDataset;
import io.glostream.trainer.corpus.JsonlCorpus;
import io.glostream.trainer.corpus.RawDocument;
import io.glostream.trainer.corpus.TextFiles;
import io.glostream.trainer.embeddings.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training input of {@code fit} and {@code eval}, from either layout a data directory may have:
 * <ul>
 *   <li>the benchmark layout of the shared data (fixed vocabularies, preprocessed texts, train and test
 *   splits, monolingual word2vec files), analysed as pre-segmented text with no further filtering so that
 *   the bag-of-words equals the benchmark's own;</li>
 *   <li>raw JSONL ({@code <lang>.jsonl}, optionally {@code <lang>.test.jsonl}) with {@code .vec} vectors,
 *   analysed with the language's analyzer and vocabularies built from the training documents.</li>
 * </ul>
 * With {@code alignedVectors} the given vectors of both languages share one cross-lingual space, and the
 * dictionary is optional ({@code dictionary} null when there is none).
 */
public record BilingualCorpus(String name, List<Side> sides, Path dictionary, boolean alignedVectors) {

    /** One language: its documents, its vocabulary when fixed by the data, its vectors and analyzer. */
    public record Side(String lang, List<RawDocument> train, List<RawDocument> test, Vocabulary fixedVocabulary,
                       WordVectors vectors, AnalyzerSettings analyzer) {
    }

    public List<String> languages() {
        return sides.stream().map(Side::lang).toList();
    }

    /** True when the vocabularies come with the data rather than being built from it. */
    public boolean hasFixedVocabularies() {
        return sides.stream().allMatch(s -> s.fixedVocabulary() != null);
    }

    /**
     * @param dictionary    null for the default next to the data
     * @param vectors       per language, overriding the default vector file
     * @param pretokenized  for the JSONL layout: split on whitespace instead of the language's tokenizer
     * @param maxDocuments  keep at most this many training (and test) documents per language; 0 for all
     */
    public static BilingualCorpus load(Path data, List<String> langs, Path dictionary, Map<String, Path> vectors,
                                       boolean pretokenized, int maxDocuments) {
        return load(data, langs, dictionary, vectors, false, pretokenized, maxDocuments);
    }

    /**
     * As {@link #load(Path, List, Path, Map, boolean, int)}; {@code alignedVectors} says the vectors given for
     * both languages (required then) are cross-lingually aligned.
     */
    public static BilingualCorpus load(Path data, List<String> langs, Path dictionary, Map<String, Path> vectors,
                                       boolean alignedVectors, boolean pretokenized, int maxDocuments) {
        if (langs.size() != 2 || langs.get(0).equals(langs.get(1))) {
            throw new IllegalArgumentException("--langs needs two different languages, got " + langs);
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory");
        }
        if (maxDocuments < 0) {
            throw new IllegalArgumentException("--max-docs must be >= 0, got " + maxDocuments);
        }
        List<String> canonical = langs.stream().map(LanguageAnalyzers::canonicalLanguage).toList();
        Map<String, Path> vectorFiles = new HashMap<>();
        vectors.forEach((lang, file) -> {
            String l = LanguageAnalyzers.canonicalLanguage(lang);
            if (!canonical.contains(l)) {
                throw new IllegalArgumentException("--vectors " + lang + "=" + file + ": " + lang
                        + " is not one of --langs " + String.join(",", langs));
            }
            vectorFiles.put(l, file);
        });
        if (alignedVectors && !vectorFiles.keySet().containsAll(canonical)) {
            throw new IllegalArgumentException("--aligned-vectors needs --vectors LANG=FILE for both languages"
                    + " (the data's own vectors are monolingual)");
        }
        boolean benchmark = canonical.stream().allMatch(l -> BenchmarkDataset.isBenchmarkLayout(data, l));
        List<Side> sides = new ArrayList<>();
        for (String lang : canonical) {
            sides.add(benchmark ? benchmarkSide(data, lang, vectorFiles.get(lang), maxDocuments)
                    : jsonlSide(data, lang, vectorFiles.get(lang), pretokenized, maxDocuments));
        }
        Path dict = dictionary != null ? dictionary
                : TextFiles.firstExisting(data.resolve("dict-zh-en.tsv.gz"), data.resolve("../dict/ch_en_dict.dat.gz").normalize());
        if (!Files.exists(dict)) {
            if (dictionary != null || !alignedVectors) {
                throw new IllegalArgumentException(dict + ": no such file (give the bilingual dictionary with --dict)");
            }
            dict = null;
        }
        String name = data.toAbsolutePath().normalize().getFileName().toString();
        return new BilingualCorpus(name, List.copyOf(sides), dict, alignedVectors);
    }

    private static Side benchmarkSide(Path data, String lang, Path vectorFile, int max) {
        BenchmarkDataset.Language l = BenchmarkDataset.load(data, lang);
        // The texts are the benchmark's tokens: take them as they are, so x equals its BoW matrix.
        AnalyzerSettings exact = AnalyzerSettings.defaultsFor(lang).withPretokenized(true).withRemoveStopWords(false)
                .withTokenLengths(1, AnalyzerSettings.MAX_TOKEN_LENGTH_LIMIT);
        WordVectors vectors = vectorFile != null ? WordVectors.load(vectorFile) : l.vectors();
        return new Side(lang, limit(l.train(), max), limit(l.test(), max), l.vocabulary(), vectors, exact);
    }

    private static Side jsonlSide(Path data, String lang, Path vectorFile, boolean pretokenized, int max) {
        List<RawDocument> train = JsonlCorpus.read(TextFiles.firstExisting(data.resolve(lang + ".jsonl"),
                data.resolve(lang + ".jsonl.gz")), lang);
        Path testFile = TextFiles.firstExisting(data.resolve(lang + ".test.jsonl"), data.resolve(lang + ".test.jsonl.gz"));
        List<RawDocument> test = Files.exists(testFile) ? JsonlCorpus.read(testFile, lang) : List.of();
        Path vec = vectorFile != null ? vectorFile
                : TextFiles.firstExisting(data.resolve("vectors-" + lang + ".vec.gz"), data.resolve("vectors-" + lang + ".vec"));
        if (!Files.exists(vec)) {
            throw new IllegalArgumentException(vec + ": no such file (give word vectors with --vectors "
                    + lang + "=FILE)");
        }
        return new Side(lang, limit(train, max), limit(test, max), null, WordVectors.load(vec),
                AnalyzerSettings.defaultsFor(lang).withPretokenized(pretokenized));
    }

    private static List<RawDocument> limit(List<RawDocument> docs, int max) {
        return max == 0 || docs.size() <= max ? docs : List.copyOf(docs.subList(0, max));
    }

}
