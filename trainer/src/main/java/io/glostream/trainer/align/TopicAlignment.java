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
 * <p>Each topic is compared on its {@value #TOP_WORDS_COMPARED} heaviest words per language, among the words both
 * vocabularies hold (per language, matched by string). The similarity of a previous topic and a new one is the
 * cosine of their top-word indicator rows (languages concatenated): the share of top words they have in common,
 * 0.3 for 6 of 2 x 10. The pairing that maximises the total similarity ({@link HungarianAssignment}) decides the
 * ids; where pairings tie on overlap, the cosine of the same words' centred weights
 * ({@link TopicWordMatrix#centredWeights}) breaks the tie, weighted so that its sum over all pairs stays under one
 * word of overlap.
 *
 * <p>Why top words, and why their overlap rather than their weights: a topic is what its top words say, consumers
 * see those, and whether a retrained topic "is still the same topic" is judged on them (bench/results/align-ec_news.md
 * counts the top-10 words two topics share, of 2 x 10). Over whole rows the thousands of tail weights decide the
 * cosine (on two 150-epoch EC News models, 23 of the 30 topics with a counterpart sharing at least 6 of 20 top
 * words were paired with it, against 29 on the top 10). The weights of the top words were the previous measure; with
 * the trainer's authors' batch norms a topic's top weights are steep, and topics sharing 6 or 7 of 20 top words
 * scored under 0.3 when their heaviest words differed: on three pairs of 150-epoch Amazon Review seeds, 47 of the
 * 54 topics with a counterpart kept their id on the weights, 51 on the overlap (and 143 against 141 of 150 on five
 * pairs from before the fix). The overlap also makes the new-topic flag exact: a matched topic is new when it
 * shares fewer than 6 of its 20 top words.
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
        TopWords before = shared.topWords(previous, true);
        TopWords after = shared.topWords(current, false);
        double[][] similarity = cosineSimilarities(before.indicators(), after.indicators());
        double[][] weightSimilarity = cosineSimilarities(before.weights(), after.weights());
        // One word of overlap moves a similarity by at least 1 / (top words per topic); each pair's weight cosine
        // spans at most 2, so this weight keeps the tie-break of all pairs together under one word.
        double tieBreak = 1.0 / (4.0 * TOP_WORDS_COMPARED * previous.languages().size()
                * Math.max(previous.numTopics(), current.numTopics()));
        double[][] preference = new double[similarity.length][];
        for (int p = 0; p < similarity.length; p++) {
            preference[p] = new double[similarity[p].length];
            for (int c = 0; c < similarity[p].length; c++) {
                preference[p][c] = similarity[p][c] + tieBreak * weightSimilarity[p][c];
            }
        }
        int[] currentOfPrevious = HungarianAssignment.maximiseSimilarity(preference);

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
        double[] previousSquares = squaredNorms(previous);
        double[] currentSquares = squaredNorms(current);
        double[][] similarity = new double[previous.length][current.length];
        for (int p = 0; p < previous.length; p++) {
            for (int c = 0; c < current.length; c++) {
                double dot = 0;
                for (int w = 0; w < previous[p].length; w++) {
                    dot += previous[p][w] * current[c][w];
                }
                // one square root of the product, so that 6 of 2 x 10 indicators give exactly 0.3
                double norms = Math.sqrt(previousSquares[p] * currentSquares[c]);
                // a flat topic has no centred weight to compare: neither alike nor unlike
                similarity[p][c] = norms == 0 ? 0 : dot / norms;
            }
        }
        return similarity;
    }

    private static double[] squaredNorms(double[][] rows) {
        double[] squares = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            for (double x : rows[k]) {
                squares[k] += x * x;
            }
        }
        return squares;
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
         * only its {@value #TOP_WORDS_COMPARED} largest values (the others 0), and the same rows with 1 in place of
         * each kept value.
         */
        TopWords topWords(TopicWordMatrix model, boolean isPrevious) {
            List<int[]> index = isPrevious ? previousIndex : currentIndex;
            int width = 0;
            for (int[] words : index) {
                width += words.length;
            }
            double[][] weights = new double[model.numTopics()][width];
            double[][] indicators = new double[model.numTopics()][width];
            for (int k = 0; k < model.numTopics(); k++) {
                int offset = 0;
                for (int l = 0; l < languages.size(); l++) {
                    double[] p = model.centredWeights(k, l);
                    int start = offset;
                    for (int word : index.get(l)) {
                        weights[k][offset++] = p[word];
                    }
                    for (int kept : keepLargest(weights[k], start, offset, TOP_WORDS_COMPARED)) {
                        indicators[k][kept] = 1;
                    }
                }
            }
            return new TopWords(weights, indicators);
        }

        /**
         * Zeroes every value of {@code row[from, to)} but the {@code n} largest (ties: the lower index kept) and
         * returns the kept positions.
         */
        private static int[] keepLargest(double[] row, int from, int to, int n) {
            Integer[] order = new Integer[to - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (a, b) -> row[a] != row[b] ? Double.compare(row[b], row[a]) : Integer.compare(a, b));
            int kept = Math.min(n, order.length);
            for (int i = kept; i < order.length; i++) {
                row[order[i]] = 0;
            }
            int[] positions = new int[kept];
            for (int i = 0; i < kept; i++) {
                positions[i] = order[i];
            }
            return positions;
        }

        Map<String, Integer> sizes() {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (int l = 0; l < languages.size(); l++) {
                sizes.put(languages.get(l), previousIndex.get(l).length);
            }
            return sizes;
        }
    }

    /** Each topic's top words at the shared vocabulary: their centred weights, and 1 at each of them. */
    private record TopWords(double[][] weights, double[][] indicators) {
    }
}
