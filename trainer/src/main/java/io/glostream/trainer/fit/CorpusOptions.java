package io.glostream.trainer.fit;

import io.glostream.trainer.prepare.VocabularyOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The data options shared by {@code fit}, {@code export} and {@code eval}: which corpus, and how to read it. */
public final class CorpusOptions {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Benchmark directory (vocab_<l>.gz, train_texts_<l>.txt.gz, ...) or <lang>.jsonl corpora.")
    Path data;

    @Option(names = "--langs", defaultValue = "en,zh", split = ",", paramLabel = "L1,L2",
            description = "The two languages, in layout order (default: ${DEFAULT-VALUE}).")
    List<String> langs;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "Bilingual dictionary, foreign<TAB>english (default: next to the data).")
    Path dict;

    @Option(names = "--vectors", paramLabel = "LANG=FILE",
            description = "Word vectors of a language: .vec text (word v1 ... vd per line, may be gzipped), or .npy "
                    + "[words x d] float32 with FILE.vocab (else FILE.txt) beside FILE.npy: one word per line, "
                    + "line i naming row i.")
    Map<String, Path> vectors = new LinkedHashMap<>();

    @Option(names = "--aligned-vectors",
            description = "The --vectors of both languages are cross-lingually aligned (MUSE, fastText aligned): "
                    + "neighbours by plain cosine as in the paper, no dictionary-led Procrustes step (--dict "
                    + "optional).")
    boolean alignedVectors;

    @Option(names = "--pretokenized", description = "JSONL texts are already segmented: split on whitespace.")
    boolean pretokenized;

    @Option(names = "--max-docs", defaultValue = "0", paramLabel = "N",
            description = "Use at most N training and N test documents per language (0: all).")
    int maxDocs;

    @Option(names = "--neighbours", defaultValue = "3", paramLabel = "K",
            description = "Intra- and cross-lingual neighbours per word; 0: no polyglot augmentation, the "
                    + "ablation (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the neighbour search (default: all cores).")
    Integer threads;

    @Option(names = "--min-df", defaultValue = "2",
            description = "Vocabularies built from JSONL: minimum document frequency of a word (default: ${DEFAULT-"
                    + "VALUE}).")
    int minDf;

    @Option(names = "--max-df", defaultValue = "0.5",
            description = "Vocabularies built from JSONL: maximum share of documents a word may occur in (default: "
                    + "${DEFAULT-VALUE}).")
    double maxDf;

    @Option(names = "--max-vocab", defaultValue = "10000",
            description = "Vocabularies built from JSONL: size cap per language (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    public BilingualCorpus load() {
        return BilingualCorpus.load(data, langs, dict, vectors, alignedVectors, pretokenized, maxDocs);
    }

    /** Bounds for vocabularies built from the data (benchmark data brings its own). */
    public VocabularyOptions vocabulary() {
        return new VocabularyOptions(minDf, maxDf, maxVocab);
    }

    public int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public int neighbours() {
        return neighbours;
    }

    public List<String> langs() {
        return langs;
    }
}
