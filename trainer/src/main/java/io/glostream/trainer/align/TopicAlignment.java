package io.glostream.trainer.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a newly trained model's topics to the previous model's, so that a retrained topic keeps the id of
 * the topic it continues.
 *
 * <p>The similarity of a previous topic and a new one is the cosine of their topic-word rows, each language
 * block centred on its mean ({@link TopicWordMatrix#centredWeights}), restricted to the shared vocabulary (per
 * language, the words both vocabularies hold, matched by string; the languages' parts concatenated), and within
 * each language block to the topic's {@value #TOP_WORDS_COMPARED} heaviest words (the rest set to 0). The pairing
 * that maximises the total similarity ({@link HungarianAssignment}) decides the ids.
 *
 * <p>Why the top 10 words only: a topic is what its top words say, consumers see those, and whether a retrained
 * topic "is still the same topic" is judged on them (bench/results/align-ec_news.md counts the top-10 words two
 * topics share, of 2 x 10). Over whole rows the thousands of tail weights decide the cosine: on two 50-topic EC
 * News models (seeds 0 and 1) after 150 epochs, of the 30 topics with a counterpart sharing at least 6 of their
 * 2 x 10 top words, the matching on whole rows paired 23 with it, on the top 20 words per language 28, on the top
 * 10 words 29. The top 10 also suit the new-topic threshold: 28 of those 30 keep their id without being flagged
 * new (26 with the top 20), as do 32 of 33, 26 of 29 and 27 of 29 on the 10-, 15- and 20-epoch pairs, and the
 * value reads plainly: 0 when two topics share none of their top words, 0.3 (the default threshold) at about 6 of
 * 20; on those four pairs every matched topic scoring 0.3 or more shares at least 6 of 20, but two that share 5.
 */
public final class TopicAlignment {

    /** A matched topic less similar than this to its previous topic is flagged as new. */
    public static final double DEFAULT_NEW_TOPIC_THRESHOLD = 0.3;

    /** How many of a topic's heaviest words per language its similarities look at. */
    public static final int TOP_WORDS_COMPARED = 10;

    private TopicAlignment() {
    }

    /** {@link #align(TopicWordMatrix, TopicWordMatrix, double)} with the default threshold of 0.3. */
    public static Alignment align(TopicWordMatrix previous, TopicWordMatrix current) {
        return align(previous, current, DEFAULT_NEW_TOPIC_THRESHOLD);
    }

    /**
     * Numbers the current model's topics after the previous model's.
     *
     * @param previous the model whose ids are kept
     * @param current the newly trained model, in its own topic order
     * @param newTopicThreshold matched topics with a lower similarity keep the id they were given but are flagged
     *     as new
     * @throws IllegalArgumentException when the models' languages differ (in set or order), or when they share
     *     no vocabulary word
     */
    public static Alignment align(TopicWordMatrix previous, TopicWordMatrix current, double newTopicThreshold) {
        if (!Double.isFinite(newTopicThreshold)) {
            throw new IllegalArgumentException("new-topic threshold must be finite, got " + newTopicThreshold);
        }
        SharedVocabulary shared = SharedVocabulary.of(previous, current);
        double[][] similarity = cosineSimilarities(shared.restrict(previous, true), shared.restrict(current, false));
        int[] currentOfPrevious = HungarianAssignment.maximiseSimilarity(similarity);

        int kPrevious = previous.numTopics();
        int kCurrent = current.numTopics();
        int[] previousOfCurrent = new int[kCurrent];
        Arrays.fill(previousOfCurrent, Alignment.NO_PREVIOUS);
        for (int p = 0; p < kPrevious; p++) {
            if (currentOfPrevious[p] != HungarianAssignment.UNASSIGNED) {
                previousOfCurrent[currentOfPrevious[p]] = p;
            }
        }

        int[] newIdOfCurrent = new int[kCurrent];
        boolean[] idTaken = new boolean[kCurrent];
        Arrays.fill(newIdOfCurrent, -1);
        for (int c = 0; c < kCurrent; c++) {
            int p = previousOfCurrent[c];
            if (p != Alignment.NO_PREVIOUS && p < kCurrent) {
                newIdOfCurrent[c] = p;
                idTaken[p] = true;
            }
        }
        int nextFree = 0;
        for (int c = 0; c < kCurrent; c++) {
            if (newIdOfCurrent[c] == -1) {
                while (idTaken[nextFree]) {
                    nextFree++;
                }
                newIdOfCurrent[c] = nextFree;
                idTaken[nextFree] = true;
            }
        }

        int[] previousIdOfNewId = new int[kCurrent];
        double[] similarityOfNewId = new double[kCurrent];
        boolean[] isNew = new boolean[kCurrent];
        for (int c = 0; c < kCurrent; c++) {
            int id = newIdOfCurrent[c];
            int p = previousOfCurrent[c];
            previousIdOfNewId[id] = p;
            similarityOfNewId[id] = p == Alignment.NO_PREVIOUS ? Double.NaN : similarity[p][c];
            isNew[id] = p == Alignment.NO_PREVIOUS || similarity[p][c] < newTopicThreshold;
        }
        return new Alignment(kPrevious, newIdOfCurrent, previousIdOfNewId, similarityOfNewId, isNew,
                newTopicThreshold, shared.sizes());
    }

    /**
     * For each matched pair of the alignment, how many of the top {@code n} words per language the previous and
     * the new topic have in common (by word string).
     *
     * @param alignment an alignment of {@code current} to {@code previous}
     * @param n how many top words per language to compare
     */
    public static TopWordOverlap overlapOfTopWords(Alignment alignment, TopicWordMatrix previous,
            TopicWordMatrix current, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        checkSameLanguages(previous, current);
        if (alignment.numPreviousTopics() != previous.numTopics() || alignment.numTopics() != current.numTopics()) {
            throw new IllegalArgumentException("the alignment maps " + alignment.numPreviousTopics() + " to "
                    + alignment.numTopics() + " topics, the models have " + previous.numTopics() + " and "
                    + current.numTopics());
        }
        int languages = previous.languages().size();
        int[] currentOfId = alignment.currentTopicOfNewId();
        int[] previousOfId = alignment.previousIdOfNewId();
        double[][] perLanguage = new double[alignment.numTopics()][languages];
        for (int id = 0; id < alignment.numTopics(); id++) {
            for (int l = 0; l < languages; l++) {
                if (previousOfId[id] == Alignment.NO_PREVIOUS) {
                    perLanguage[id][l] = Double.NaN;
                    continue;
                }
                List<String> before = previous.topWords(previousOfId[id], l, n);
                List<String> after = current.topWords(currentOfId[id], l, n);
                Set<String> common = new HashSet<>(before);
                common.retainAll(after);
                perLanguage[id][l] = (double) common.size() / Math.max(before.size(), after.size());
            }
        }
        return new TopWordOverlap(alignment, previous.languages(), n, perLanguage);
    }

    private static double[][] cosineSimilarities(double[][] previous, double[][] current) {
        double[] previousNorms = norms(previous);
        double[] currentNorms = norms(current);
        double[][] similarity = new double[previous.length][current.length];
        for (int p = 0; p < previous.length; p++) {
            for (int c = 0; c < current.length; c++) {
                double dot = 0;
                for (int w = 0; w < previous[p].length; w++) {
                    dot += previous[p][w] * current[c][w];
                }
                similarity[p][c] = dot / (previousNorms[p] * currentNorms[c]);
            }
        }
        return similarity;
    }

    private static double[] norms(double[][] rows) {
        double[] norms = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            double sum = 0;
            for (double x : rows[k]) {
                sum += x * x;
            }
            norms[k] = Math.sqrt(sum);
        }
        return norms;
    }

    private static void checkSameLanguages(TopicWordMatrix previous, TopicWordMatrix current) {
        if (!previous.languages().equals(current.languages())) {
            String hint = new HashSet<>(previous.languages()).equals(new HashSet<>(current.languages()))
                    ? " (same languages in a different block order)"
                    : "";
            throw new IllegalArgumentException("cannot align topics across language pairs: the previous model has "
                    + previous.languages() + ", the current one " + current.languages() + hint);
        }
    }

    /** Per language, the index pairs of the words both models' vocabularies hold, in the current model's order. */
    private record SharedVocabulary(List<String> languages, List<int[]> previousIndex, List<int[]> currentIndex) {

        static SharedVocabulary of(TopicWordMatrix previous, TopicWordMatrix current) {
            checkSameLanguages(previous, current);
            List<int[]> previousIndex = new ArrayList<>();
            List<int[]> currentIndex = new ArrayList<>();
            int total = 0;
            for (int l = 0; l < previous.languages().size(); l++) {
                List<String> before = previous.vocabularies().get(l);
                Map<String, Integer> indexBefore = new HashMap<>();
                for (int w = 0; w < before.size(); w++) {
                    indexBefore.put(before.get(w), w);
                }
                List<String> after = current.vocabularies().get(l);
                int[] p = new int[after.size()];
                int[] c = new int[after.size()];
                int shared = 0;
                for (int w = 0; w < after.size(); w++) {
                    Integer match = indexBefore.get(after.get(w));
                    if (match != null) {
                        p[shared] = match;
                        c[shared] = w;
                        shared++;
                    }
                }
                previousIndex.add(Arrays.copyOf(p, shared));
                currentIndex.add(Arrays.copyOf(c, shared));
                total += shared;
            }
            if (total == 0) {
                throw new IllegalArgumentException("the models share no vocabulary word in any of "
                        + previous.languages() + ": their topics cannot be compared");
            }
            return new SharedVocabulary(previous.languages(), previousIndex, currentIndex);
        }

        /**
         * Per topic, its centred language blocks at the shared words, languages concatenated, each block keeping
         * only its {@value #TOP_WORDS_COMPARED} largest values (the others 0).
         */
        double[][] restrict(TopicWordMatrix model, boolean isPrevious) {
            List<int[]> index = isPrevious ? previousIndex : currentIndex;
            int width = 0;
            for (int[] words : index) {
                width += words.length;
            }
            double[][] rows = new double[model.numTopics()][width];
            for (int k = 0; k < model.numTopics(); k++) {
                int offset = 0;
                for (int l = 0; l < languages.size(); l++) {
                    double[] p = model.centredWeights(k, l);
                    int start = offset;
                    for (int word : index.get(l)) {
                        rows[k][offset++] = p[word];
                    }
                    keepLargest(rows[k], start, offset, TOP_WORDS_COMPARED);
                }
            }
            return rows;
        }

        /** Zeroes every value of {@code row[from, to)} but the {@code n} largest (ties: the lower index kept). */
        private static void keepLargest(double[] row, int from, int to, int n) {
            if (to - from <= n) {
                return;
            }
            Integer[] order = new Integer[to - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (a, b) -> row[a] != row[b] ? Double.compare(row[b], row[a]) : Integer.compare(a, b));
            for (int i = n; i < order.length; i++) {
                row[order[i]] = 0;
            }
        }

        Map<String, Integer> sizes() {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (int l = 0; l < languages.size(); l++) {
                sizes.put(languages.get(l), previousIndex.get(l).length);
            }
            return sizes;
        }
    }
}
