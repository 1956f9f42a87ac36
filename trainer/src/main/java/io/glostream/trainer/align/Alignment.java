package io.glostream.trainer.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The renumbering of a newly trained model's topics so that each keeps the id of the previous model's topic it
 * matches; made by {@link TopicAlignment#align}. New ids are always {@code 0..K-1} of the new model. A matched
 * topic takes its previous id when that id exists in the new model (it may not when the new model has fewer
 * topics); every other topic takes the smallest id left over, in its current order. Arrays are copied out.
 */
public final class Alignment {

    /** The previous id of a topic matched to none. */
    public static final int NO_PREVIOUS = -1;

    private final int numPreviousTopics;
    private final int[] currentTopicOfNewId;
    private final int[] newIdOfCurrentTopic;
    private final int[] previousIdOfNewId;
    private final double[] similarity;
    private final boolean[] isNew;
    private final double newTopicThreshold;
    private final Map<String, Integer> sharedVocabulary;

    Alignment(int numPreviousTopics, int[] newIdOfCurrentTopic, int[] previousIdOfNewId, double[] similarity,
            boolean[] isNew, double newTopicThreshold, Map<String, Integer> sharedVocabulary) {
        this.numPreviousTopics = numPreviousTopics;
        this.newIdOfCurrentTopic = newIdOfCurrentTopic.clone();
        this.currentTopicOfNewId = new int[newIdOfCurrentTopic.length];
        for (int current = 0; current < newIdOfCurrentTopic.length; current++) {
            currentTopicOfNewId[newIdOfCurrentTopic[current]] = current;
        }
        this.previousIdOfNewId = previousIdOfNewId.clone();
        this.similarity = similarity.clone();
        this.isNew = isNew.clone();
        this.newTopicThreshold = newTopicThreshold;
        this.sharedVocabulary = Collections.unmodifiableMap(new LinkedHashMap<>(sharedVocabulary));
    }

    /** K of the new model. */
    public int numTopics() {
        return newIdOfCurrentTopic.length;
    }

    /** K of the previous model. */
    public int numPreviousTopics() {
        return numPreviousTopics;
    }

    /** Per topic of the model as trained, the id it gets. */
    public int[] newIdOfCurrentTopic() {
        return newIdOfCurrentTopic.clone();
    }

    /** Per new id, the topic of the model as trained that gets it. */
    public int[] currentTopicOfNewId() {
        return currentTopicOfNewId.clone();
    }

    /** Per new id, the previous model's topic it was matched to, or {@link #NO_PREVIOUS}. */
    public int[] previousIdOfNewId() {
        return previousIdOfNewId.clone();
    }

    /** Per new id, the cosine similarity of the matched pair; NaN for a topic matched to none. */
    public double[] similarity() {
        return similarity.clone();
    }

    /** Per new id, whether the topic is new: matched to none, or matched below {@link #newTopicThreshold}. */
    public boolean[] isNew() {
        return isNew.clone();
    }

    /** The similarity below which a matched topic still counts as new. */
    public double newTopicThreshold() {
        return newTopicThreshold;
    }

    /** Per language, in block order, how many vocabulary words both models have; the similarity is over these. */
    public Map<String, Integer> sharedVocabulary() {
        return sharedVocabulary;
    }

    /** Whether the topic with this new id is the previous model's topic of the same id, and not new. */
    public boolean keptId(int newId) {
        checkId(newId);
        return previousIdOfNewId[newId] == newId && !isNew[newId];
    }

    /** Per new id, how it was numbered: for the model manifest. */
    public List<TopicMatch> topics() {
        List<TopicMatch> topics = new ArrayList<>();
        for (int id = 0; id < numTopics(); id++) {
            boolean matched = previousIdOfNewId[id] != NO_PREVIOUS;
            topics.add(new TopicMatch(id, currentTopicOfNewId[id], matched ? previousIdOfNewId[id] : null,
                    matched ? similarity[id] : null, isNew[id]));
        }
        return Collections.unmodifiableList(topics);
    }

    /**
     * Reorders per-topic rows, such as the topic-word matrix's, into new id order: row {@code id} of the result
     * is row {@code currentTopicOfNewId[id]} of the input. Rows are copied.
     *
     * @param rowsByCurrentTopic {@code [K x *]}, one row per topic of the model as trained
     */
    public float[][] permute(float[][] rowsByCurrentTopic) {
        if (rowsByCurrentTopic.length != numTopics()) {
            throw new IllegalArgumentException(
                    "got " + rowsByCurrentTopic.length + " rows, the model has " + numTopics() + " topics");
        }
        float[][] permuted = new float[numTopics()][];
        for (int id = 0; id < numTopics(); id++) {
            permuted[id] = rowsByCurrentTopic[currentTopicOfNewId[id]].clone();
        }
        return permuted;
    }

    /**
     * Reorders the rows of a row-major {@code [K x cols]} matrix into new id order, as {@link #permute(float[][])}
     * does for the exported topic-word matrix.
     */
    public float[] permuteRows(float[] rowMajor, int rows, int cols) {
        checkShape(rowMajor, rows, cols);
        if (rows != numTopics()) {
            throw new IllegalArgumentException("got " + rows + " rows, the model has " + numTopics() + " topics");
        }
        float[] permuted = new float[rowMajor.length];
        for (int id = 0; id < rows; id++) {
            System.arraycopy(rowMajor, currentTopicOfNewId[id] * cols, permuted, id * cols, cols);
        }
        return permuted;
    }

    /**
     * Reorders the columns of a row-major {@code [rows x K]} matrix into new id order: column {@code id} of the
     * result is column {@code currentTopicOfNewId[id]} of the input. For the mean head's weights
     * {@code [H x K]}; a per-topic vector (bias, batch-norm statistics) is the case {@code rows = 1}.
     */
    public float[] permuteColumns(float[] rowMajor, int rows, int cols) {
        checkShape(rowMajor, rows, cols);
        if (cols != numTopics()) {
            throw new IllegalArgumentException("got " + cols + " columns, the model has " + numTopics() + " topics");
        }
        float[] permuted = new float[rowMajor.length];
        for (int r = 0; r < rows; r++) {
            for (int id = 0; id < cols; id++) {
                permuted[r * cols + id] = rowMajor[r * cols + currentTopicOfNewId[id]];
            }
        }
        return permuted;
    }

    private static void checkShape(float[] rowMajor, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
            throw new IllegalArgumentException(
                    "an array of " + rowMajor.length + " values is not a " + rows + " x " + cols + " matrix");
        }
    }

    private void checkId(int newId) {
        if (newId < 0 || newId >= numTopics()) {
            throw new IllegalArgumentException("id " + newId + " outside 0.." + (numTopics() - 1));
        }
    }
}
