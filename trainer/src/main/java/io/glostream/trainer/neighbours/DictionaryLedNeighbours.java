package io.glostream.trainer.neighbours;

import io.glostream.core.neighbours.CosineNeighbourSearch;
import io.glostream.core.neighbours.EmbeddingMatrix;
import io.glostream.core.neighbours.LanguageNeighbours;
import io.glostream.core.neighbours.NearestNeighbours;
import io.glostream.core.neighbours.NeighbourTable;
import io.glostream.core.vocab.Vocabulary;
import io.glostream.trainer.embeddings.BilingualDictionary;
import io.glostream.trainer.embeddings.EnglishDictionaryForms;
import io.glostream.trainer.embeddings.Procrustes;
import io.glostream.trainer.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Neighbour tables from monolingual word vectors and a bilingual dictionary, for when no cross-lingually
 * aligned vectors exist (the offline default).
 *
 * <p>Intra-lingual neighbours: cosine over each language's own vectors. Cross-lingual neighbours: the
 * dictionary leads (a word's translations present in the other vocabulary, most similar first, in a
 * Procrustes-aligned space), topped up from that aligned space when fewer than k translations exist.
 * Plain Procrustes on small monolingual vectors finds the right translation only a few percent of the
 * time, which is why the dictionary must lead; the report gives that figure (held-out precision@1).
 */
public final class DictionaryLedNeighbours {

    /** A language's vocabulary with its (monolingual) word vectors. */
    public record Side(String lang, Vocabulary vocabulary, WordVectors vectors) {
    }

    private static final double HELD_OUT_SHARE = 0.1;

    private final int k;
    private final CosineNeighbourSearch search;

    public DictionaryLedNeighbours(int k, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("neighbour k must be >= 1, got " + k);
        }
        this.k = k;
        this.search = new CosineNeighbourSearch(threads);
    }

    /**
     * Builds the table for {@code lang1} and {@code lang2} in that layout order. One side must be English
     * ({@code en}): the dictionary maps the other language to English.
     */
    public BuiltNeighbours build(Side lang1, Side lang2, BilingualDictionary dictionary) {
        boolean firstIsEnglish = "en".equals(lang1.lang());
        if (!firstIsEnglish && !"en".equals(lang2.lang())) {
            throw new IllegalArgumentException("a foreign-to-English dictionary needs English among the languages, got "
                    + lang1.lang() + " and " + lang2.lang());
        }
        Side english = firstIsEnglish ? lang1 : lang2;
        Side foreign = firstIsEnglish ? lang2 : lang1;
        if (english.vectors().dimension() != foreign.vectors().dimension()) {
            throw new IllegalArgumentException("cannot align " + english.vectors().dimension() + "-d "
                    + english.lang() + " vectors with " + foreign.vectors().dimension() + "-d " + foreign.lang()
                    + " vectors");
        }
        int dim = english.vectors().dimension();
        List<String> enWords = english.vocabulary().words();
        List<String> fWords = foreign.vocabulary().words();
        float[] en = centredUnitRows(english.vectors().matrixFor(enWords), dim);
        float[] fo = centredUnitRows(foreign.vectors().matrixFor(fWords), dim);

        int[][] foreignToEnglish = translations(fWords, enWords, dictionary);
        int[][] englishToForeign = invert(foreignToEnglish, enWords.size());

        List<int[]> pairs = new ArrayList<>();
        for (int f = 0; f < foreignToEnglish.length; f++) {
            for (int e : foreignToEnglish[f]) {
                if (!isZero(fo, f, dim) && !isZero(en, e, dim)) {
                    pairs.add(new int[] {f, e});
                }
            }
        }
        if (pairs.size() < dim) {
            throw new IllegalArgumentException("only " + pairs.size() + " dictionary pairs have vectors on both sides;"
                    + " aligning " + dim + "-d vectors needs at least " + dim);
        }

        HeldOut heldOut = heldOutPrecision(pairs, foreignToEnglish, fo, en, dim);
        float[] foAligned = unitRows(fit(pairs, fo, en, dim).apply(fo), dim);

        EmbeddingMatrix enMatrix = EmbeddingMatrix.of(enWords.size(), dim, en);
        EmbeddingMatrix foMatrix = EmbeddingMatrix.of(fWords.size(), dim, foAligned);
        int[][] enIntra = positiveNeighbours(search.searchWithin(enMatrix, k), en, dim);
        int[][] foIntra = positiveNeighbours(search.searchWithin(EmbeddingMatrix.of(fWords.size(), dim, fo), k), fo, dim);
        int[][] enCross = dictionaryLed(englishToForeign, en, foAligned, dim, search.search(enMatrix, foMatrix, 2 * k));
        int[][] foCross = dictionaryLed(foreignToEnglish, foAligned, en, dim, search.search(foMatrix, enMatrix, 2 * k));

        NeighbourTable table = firstIsEnglish
                ? NeighbourTable.of(k, new LanguageNeighbours(lang1.lang(), enIntra, enCross),
                        new LanguageNeighbours(lang2.lang(), foIntra, foCross))
                : NeighbourTable.of(k, new LanguageNeighbours(lang1.lang(), foIntra, foCross),
                        new LanguageNeighbours(lang2.lang(), enIntra, enCross));
        Map<String, Double> dictionaryCoverage = new HashMap<>();
        dictionaryCoverage.put(english.lang(), coveredShare(englishToForeign));
        dictionaryCoverage.put(foreign.lang(), coveredShare(foreignToEnglish));
        Map<String, Double> vectorCoverage = new HashMap<>();
        vectorCoverage.put(english.lang(), (double) english.vectors().coverage(enWords) / enWords.size());
        vectorCoverage.put(foreign.lang(), (double) foreign.vectors().coverage(fWords) / fWords.size());
        return new BuiltNeighbours(table, new NeighbourReport(NeighbourReport.DICTIONARY_LED, dictionaryCoverage,
                vectorCoverage, pairs.size(), heldOut.words, heldOut.precision));
    }

    private record HeldOut(int words, double precision) {
    }

    /**
     * Fits on 90% of the dictionary's foreign words and asks, for each held-out word, whether the nearest
     * English word in the aligned space is one of its translations.
     */
    private HeldOut heldOutPrecision(List<int[]> pairs, int[][] foreignToEnglish, float[] fo, float[] en, int dim) {
        List<Integer> words = new ArrayList<>(new LinkedHashSet<>(pairs.stream().map(p -> p[0]).toList()));
        Collections.shuffle(words, new Random(0));
        int held = (int) Math.round(words.size() * HELD_OUT_SHARE);
        Set<Integer> heldWords = Set.copyOf(words.subList(0, held));
        List<int[]> train = pairs.stream().filter(p -> !heldWords.contains(p[0])).toList();
        if (held == 0 || train.size() < dim) {
            return new HeldOut(0, Double.NaN);
        }
        Procrustes rotation = fit(train, fo, en, dim);
        int[] queries = words.subList(0, held).stream().mapToInt(Integer::intValue).toArray();
        float[] q = new float[queries.length * dim];
        for (int i = 0; i < queries.length; i++) {
            System.arraycopy(fo, queries[i] * dim, q, i * dim, dim);
        }
        NearestNeighbours nearest = search.search(EmbeddingMatrix.of(queries.length, dim, rotation.apply(q)),
                EmbeddingMatrix.of(en.length / dim, dim, en), 1);
        int hits = 0;
        for (int i = 0; i < queries.length; i++) {
            int[] top = nearest.indices(i);
            if (top.length > 0 && Arrays.binarySearch(foreignToEnglish[queries[i]], top[0]) >= 0) {
                hits++;
            }
        }
        return new HeldOut(queries.length, (double) hits / queries.length);
    }

    private static Procrustes fit(List<int[]> pairs, float[] fo, float[] en, int dim) {
        float[] x = new float[pairs.size() * dim];
        float[] y = new float[pairs.size() * dim];
        for (int i = 0; i < pairs.size(); i++) {
            System.arraycopy(fo, pairs.get(i)[0] * dim, x, i * dim, dim);
            System.arraycopy(en, pairs.get(i)[1] * dim, y, i * dim, dim);
        }
        return Procrustes.fit(x, y, pairs.size(), dim);
    }

    /** For each foreign word, the sorted English vocabulary indices it translates to. */
    static int[][] translations(List<String> fWords, List<String> enWords, BilingualDictionary dictionary) {
        EnglishDictionaryForms forms = new EnglishDictionaryForms();
        Map<String, List<Integer>> byForm = new HashMap<>();
        for (int e = 0; e < enWords.size(); e++) {
            for (String form : forms.of(enWords.get(e))) {
                byForm.computeIfAbsent(form, x -> new ArrayList<>()).add(e);
            }
        }
        int[][] out = new int[fWords.size()][];
        for (int f = 0; f < fWords.size(); f++) {
            Set<Integer> hits = new LinkedHashSet<>();
            for (String english : dictionary.english(fWords.get(f))) {
                hits.addAll(byForm.getOrDefault(english.toLowerCase(Locale.ROOT), List.of()));
            }
            out[f] = hits.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    static int[][] invert(int[][] relation, int targetSize) {
        List<List<Integer>> inverse = new ArrayList<>(targetSize);
        for (int i = 0; i < targetSize; i++) {
            inverse.add(new ArrayList<>());
        }
        for (int s = 0; s < relation.length; s++) {
            for (int t : relation[s]) {
                inverse.get(t).add(s);
            }
        }
        int[][] out = new int[targetSize][];
        for (int t = 0; t < targetSize; t++) {
            out[t] = inverse.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /**
     * Up to k neighbours per word: its translations ranked by similarity in the shared space, then the
     * nearest words of the aligned space that are not translations already chosen.
     */
    private int[][] dictionaryLed(int[][] translations, float[] from, float[] to, int dim, NearestNeighbours nearest) {
        int[][] out = new int[translations.length][];
        for (int w = 0; w < translations.length; w++) {
            if (isZero(from, w, dim)) {
                out[w] = translations[w].length <= k ? translations[w].clone() : Arrays.copyOf(translations[w], k);
                continue;
            }
            Integer[] ranked = Arrays.stream(translations[w]).boxed().toArray(Integer[]::new);
            final int word = w;
            Arrays.sort(ranked, (a, b) -> {
                int bySimilarity = Double.compare(dot(to, b, from, word, dim), dot(to, a, from, word, dim));
                return bySimilarity != 0 ? bySimilarity : Integer.compare(a, b);
            });
            LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
            for (int i = 0; i < ranked.length && chosen.size() < k; i++) {
                chosen.add(ranked[i]);
            }
            int[] candidates = nearest.indices(w);
            float[] sims = nearest.similarities(w);
            for (int i = 0; i < candidates.length && chosen.size() < k; i++) {
                if (sims[i] > 0) {
                    chosen.add(candidates[i]);
                }
            }
            out[w] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Neighbours with positive similarity only: a zero vector or an opposite word is no neighbour. */
    static int[][] positiveNeighbours(NearestNeighbours nearest, float[] vectors, int dim) {
        int[][] out = new int[nearest.queries()][];
        for (int q = 0; q < out.length; q++) {
            if (isZero(vectors, q, dim)) {
                out[q] = new int[0];
                continue;
            }
            int[] idx = nearest.indices(q);
            float[] sims = nearest.similarities(q);
            int n = 0;
            while (n < idx.length && sims[n] > 0) {
                n++;
            }
            out[q] = Arrays.copyOf(idx, n);
        }
        return out;
    }

    static double coveredShare(int[][] translations) {
        long covered = Arrays.stream(translations).filter(t -> t.length > 0).count();
        return (double) covered / translations.length;
    }

    private static double dot(float[] a, int rowA, float[] b, int rowB, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            s += a[rowA * dim + i] * b[rowB * dim + i];
        }
        return s;
    }

    static boolean isZero(float[] m, int row, int dim) {
        for (int i = 0; i < dim; i++) {
            if (m[row * dim + i] != 0f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Unit length, mean-centred, unit length again (zero rows stay zero and out of the mean): the usual
     * normalisation before Procrustes, which makes the alignment depend on directions only.
     */
    static float[] centredUnitRows(float[] m, int dim) {
        float[] out = unitRows(m, dim);
        int rows = m.length / dim;
        double[] mean = new double[dim];
        int nonZero = 0;
        for (int r = 0; r < rows; r++) {
            if (!isZero(out, r, dim)) {
                nonZero++;
                for (int i = 0; i < dim; i++) {
                    mean[i] += out[r * dim + i];
                }
            }
        }
        if (nonZero == 0) {
            return out;
        }
        for (int r = 0; r < rows; r++) {
            if (!isZero(out, r, dim)) {
                for (int i = 0; i < dim; i++) {
                    out[r * dim + i] -= (float) (mean[i] / nonZero);
                }
            }
        }
        return unitRows(out, dim);
    }

    static float[] unitRows(float[] m, int dim) {
        float[] out = m.clone();
        for (int r = 0; r < m.length / dim; r++) {
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += (double) out[r * dim + i] * out[r * dim + i];
            }
            if (norm > 0) {
                double inv = 1 / Math.sqrt(norm);
                for (int i = 0; i < dim; i++) {
                    out[r * dim + i] *= (float) inv;
                }
            }
        }
        return out;
    }
}
