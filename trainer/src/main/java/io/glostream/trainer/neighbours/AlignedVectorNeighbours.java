package io.glostream.trainer.neighbours;

import io.glostream.core.neighbours.CosineNeighbourSearch;
import io.glostream.core.neighbours.EmbeddingMatrix;
import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NearestNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.trainer.embeddings.BilingualDictionary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Neighbour tables from word vectors that already share one cross-lingual space (MUSE, fastText aligned, a
 * multilingual encoder's word vectors), as the paper builds them: intra- and cross-lingual neighbours are
 * the words of highest cosine similarity, with no dictionary and no Procrustes step. A dictionary, when
 * given, is only used to report its coverage and how often a foreign word's nearest English word is one of
 * its translations.
 */
public final class AlignedVectorNeighbours {

    private final int k;
    private final CosineNeighbourSearch search;

    public AlignedVectorNeighbours(int k, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("neighbour k must be >= 1, got " + k);
        }
        this.k = k;
        this.search = new CosineNeighbourSearch(threads);
    }

    /**
     * Builds the table for {@code lang1} and {@code lang2} in that layout order.
     *
     * @param dictionary foreign-to-English, for the report only; null for none
     */
    public BuiltNeighbours build(DictionaryLedNeighbours.Side lang1, DictionaryLedNeighbours.Side lang2,
                                 BilingualDictionary dictionary) {
        int dim = lang1.vectors().dimension();
        if (lang2.vectors().dimension() != dim) {
            throw new IllegalArgumentException("--aligned-vectors: " + lang1.lang() + " vectors have " + dim
                    + " dimensions but " + lang2.lang() + " vectors have " + lang2.vectors().dimension()
                    + "; aligned vectors share one space");
        }
        List<String> words1 = lang1.vocabulary().words();
        List<String> words2 = lang2.vocabulary().words();
        float[] v1 = DictionaryLedNeighbours.unitRows(lang1.vectors().matrixFor(words1), dim);
        float[] v2 = DictionaryLedNeighbours.unitRows(lang2.vectors().matrixFor(words2), dim);
        EmbeddingMatrix m1 = EmbeddingMatrix.of(words1.size(), dim, v1);
        EmbeddingMatrix m2 = EmbeddingMatrix.of(words2.size(), dim, v2);
        NeighbourTable table = NeighbourTable.of(k,
                new LanguageNeighbours(lang1.lang(),
                        DictionaryLedNeighbours.positiveNeighbours(search.searchWithin(m1, k), v1, dim),
                        DictionaryLedNeighbours.positiveNeighbours(search.search(m1, m2, k), v1, dim)),
                new LanguageNeighbours(lang2.lang(),
                        DictionaryLedNeighbours.positiveNeighbours(search.searchWithin(m2, k), v2, dim),
                        DictionaryLedNeighbours.positiveNeighbours(search.search(m2, m1, k), v2, dim)));

        Map<String, Double> vectorCoverage = new HashMap<>();
        vectorCoverage.put(lang1.lang(), (double) lang1.vectors().coverage(words1) / words1.size());
        vectorCoverage.put(lang2.lang(), (double) lang2.vectors().coverage(words2) / words2.size());
        Map<String, Double> dictionaryCoverage = new HashMap<>();
        boolean firstIsEnglish = "en".equals(lang1.lang());
        if (dictionary == null || !firstIsEnglish && !"en".equals(lang2.lang())) {
            dictionaryCoverage.put(lang1.lang(), Double.NaN);
            dictionaryCoverage.put(lang2.lang(), Double.NaN);
            return new BuiltNeighbours(table, new NeighbourReport(NeighbourReport.ALIGNED_COSINE, dictionaryCoverage,
                    vectorCoverage, 0, 0, Double.NaN));
        }
        DictionaryLedNeighbours.Side english = firstIsEnglish ? lang1 : lang2;
        DictionaryLedNeighbours.Side foreign = firstIsEnglish ? lang2 : lang1;
        int[][] foreignToEnglish = DictionaryLedNeighbours.translations(foreign.vocabulary().words(),
                english.vocabulary().words(), dictionary);
        int[][] englishToForeign = DictionaryLedNeighbours.invert(foreignToEnglish, english.vocabulary().size());
        dictionaryCoverage.put(english.lang(), DictionaryLedNeighbours.coveredShare(englishToForeign));
        dictionaryCoverage.put(foreign.lang(), DictionaryLedNeighbours.coveredShare(foreignToEnglish));

        float[] en = firstIsEnglish ? v1 : v2;
        float[] fo = firstIsEnglish ? v2 : v1;
        NearestNeighbours nearest = search.search(firstIsEnglish ? m2 : m1, firstIsEnglish ? m1 : m2, 1);
        int pairs = 0;
        int words = 0;
        int hits = 0;
        for (int f = 0; f < foreignToEnglish.length; f++) {
            if (DictionaryLedNeighbours.isZero(fo, f, dim)) {
                continue;
            }
            int withVectors = 0;
            for (int e : foreignToEnglish[f]) {
                if (!DictionaryLedNeighbours.isZero(en, e, dim)) {
                    withVectors++;
                }
            }
            if (withVectors == 0) {
                continue;
            }
            pairs += withVectors;
            words++;
            int[] top = nearest.indices(f);
            if (top.length > 0 && Arrays.binarySearch(foreignToEnglish[f], top[0]) >= 0) {
                hits++;
            }
        }
        return new BuiltNeighbours(table, new NeighbourReport(NeighbourReport.ALIGNED_COSINE, dictionaryCoverage,
                vectorCoverage, pairs, words, words == 0 ? Double.NaN : (double) hits / words));
    }
}
