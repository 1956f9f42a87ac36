package io.glostream.trainer.prepare;

import io.glostream.core.features.Features;
import io.glostream.core.features.Featurizer;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Figures about a prepared corpus that a person checks before training on it. */
public record PrepareReport(
        List<String> languages,
        Map<String, LanguageStats> perLanguage,
        String crossLingualNeighbours,
        int dictionaryPairs,
        int heldOutWords,
        double heldOutPrecisionAt1,
        int neighbourK,
        Map<String, List<NeighbourExample>> examples) {

    /** Per-language counts; means are per document. */
    public record LanguageStats(
            int documents,
            int vocabularySize,
            long tokens,
            double oovRate,
            double meanActiveWords,
            double meanGlobalActive,
            double meanGlobalMass,
            double dictionaryCoverage,
            double vectorCoverage) {
    }

    /** A frequent word and its neighbours, to eyeball the tables. */
    public record NeighbourExample(String word, List<String> intra, List<String> cross) {
    }

    private static final int EXAMPLES_PER_LANGUAGE = 5;

    public static PrepareReport of(PreparedCorpus corpus) {
        NeighbourTable table = corpus.neighbourTable();
        Featurizer featurizer = corpus.featurizer();
        List<String> langs = featurizer.languages();
        Map<String, LanguageStats> stats = new LinkedHashMap<>();
        Map<String, List<NeighbourExample>> examples = new LinkedHashMap<>();
        for (int l = 0; l < langs.size(); l++) {
            List<Features> docs = corpus.features().get(l);
            long tokens = 0;
            long oov = 0;
            double active = 0;
            double globalActive = 0;
            double globalMass = 0;
            for (Features f : docs) {
                tokens += f.bow().tokens();
                oov += f.bow().oovTokens();
                active += f.bow().counts().nnz();
                globalActive += f.global().nnz();
                globalMass += f.global().total();
            }
            String lang = langs.get(l);
            stats.put(lang, new LanguageStats(docs.size(), featurizer.vocabulary(l).size(), tokens,
                    tokens == 0 ? 0 : (double) oov / tokens, active / docs.size(), globalActive / docs.size(),
                    globalMass / docs.size(), corpus.neighbourReport().dictionaryCoverage().get(lang),
                    corpus.neighbourReport().vectorCoverage().get(lang)));
            examples.put(lang, examples(featurizer, table, l));
        }
        return new PrepareReport(langs, stats, corpus.neighbourReport().crossLingual(),
                corpus.neighbourReport().dictionaryPairs(),
                corpus.neighbourReport().heldOutWords(), corpus.neighbourReport().heldOutPrecisionAt1(),
                table.k(), examples);
    }

    private static List<NeighbourExample> examples(Featurizer featurizer, NeighbourTable table, int l) {
        Vocabulary own = featurizer.vocabulary(l);
        Vocabulary other = featurizer.vocabulary(1 - l);
        List<NeighbourExample> out = new ArrayList<>();
        for (int w = 0; w < Math.min(EXAMPLES_PER_LANGUAGE, own.size()); w++) {
            out.add(new NeighbourExample(own.word(w),
                    Arrays.stream(table.intra(l, w)).mapToObj(own::word).toList(),
                    Arrays.stream(table.cross(l, w)).mapToObj(other::word).toList()));
        }
        return out;
    }

    /** The report as a person reads it on the terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-4s %9s %7s %9s %6s %8s %9s %9s %9s%n", "lang", "documents", "vocab", "tokens",
                "oov", "x nnz", "g nnz", "dict cov", "vec cov"));
        perLanguage.forEach((lang, s) -> sb.append(String.format("%-4s %9d %7d %9d %5.1f%% %8.1f %9.1f %8.1f%% %8.1f%%%n",
                lang, s.documents(), s.vocabularySize(), s.tokens(), 100 * s.oovRate(), s.meanActiveWords(),
                s.meanGlobalActive(), 100 * s.dictionaryCoverage(), 100 * s.vectorCoverage())));
        sb.append("cross-lingual neighbours: ").append(crossLingualNeighbours).append(System.lineSeparator());
        sb.append(String.format("dictionary pairs in both vocabularies: %d; precision@1 of the shared space: %.3f"
                + " over %d held-out words%n", dictionaryPairs, heldOutPrecisionAt1, heldOutWords));
        sb.append("neighbours (k = ").append(neighbourK).append("), most frequent words:").append(System.lineSeparator());
        examples.forEach((lang, list) -> list.forEach(e -> sb.append(String.format("  %s %-12s intra %-36s cross %s%n",
                lang, e.word(), e.intra(), e.cross()))));
        return sb.toString();
    }
}
