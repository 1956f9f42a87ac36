package io.glostream.trainer.align;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.features.Featurizer;
import io.glostream.trainer.model.GloCtmExport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The step of {@code fit} and {@code export} that renumbers a trained model's topics after a previous bundle's
 * ({@code --align-to}), so that topic 7 still means what it meant in the previous model, and records how each
 * topic was matched under {@code trainingData.}{@value #RECORD_KEY} of the manifest.
 */
public final class BundleAligner {

    /** The key of {@code trainingData} under which the alignment is recorded. */
    public static final String RECORD_KEY = "alignment";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundleAligner NONE = new BundleAligner(null, Double.NaN);

    private final PreviousBundle previous;
    private final double newTopicThreshold;

    private BundleAligner(PreviousBundle previous, double newTopicThreshold) {
        this.previous = previous;
        this.newTopicThreshold = newTopicThreshold;
    }

    /** The aligner of a run without {@code --align-to}: it leaves the weights and the provenance as they are. */
    public static BundleAligner none() {
        return NONE;
    }

    /**
     * An aligner to {@code previous}'s topics.
     *
     * @param newTopicThreshold matched topics less similar than this are flagged as new; in [0, 1], as the
     *     similarity of two word distributions is
     */
    public static BundleAligner to(PreviousBundle previous, double newTopicThreshold) {
        if (previous == null) {
            throw new IllegalArgumentException("previous bundle is required");
        }
        if (!(newTopicThreshold >= 0 && newTopicThreshold <= 1)) {
            throw new IllegalArgumentException("--new-topic-threshold must lie in [0, 1], got " + newTopicThreshold);
        }
        return new BundleAligner(previous, newTopicThreshold);
    }

    /**
     * The weights to export: renumbered after the previous bundle's topics, with the alignment recorded in
     * {@code trainingData} and a one-line summary printed to {@code out}; unchanged without a previous bundle.
     *
     * @param featurizer the featurisation the model was trained with (its languages and vocabularies)
     * @param trainingData the provenance the bundle will record; gains the key {@value #RECORD_KEY}
     */
    public Aligned apply(GloCtmExport weights, Featurizer featurizer, ObjectNode trainingData, PrintWriter out) {
        if (previous == null) {
            int[] identity = new int[weights.numTopics()];
            Arrays.setAll(identity, k -> k);
            return new Aligned(weights, identity);
        }
        List<List<String>> vocabularies = new ArrayList<>();
        for (int l = 0; l < featurizer.languages().size(); l++) {
            vocabularies.add(featurizer.vocabulary(l).words());
        }
        TopicWordMatrix current = TopicWordMatrix.fromRowMajor(featurizer.languages(), vocabularies,
                weights.topicWord());
        Alignment alignment = TopicAlignment.align(previous.topics(), current, newTopicThreshold);
        trainingData.set(RECORD_KEY, record(alignment));
        out.println(summary(alignment));
        return new Aligned(ModelRenumbering.renumber(weights, alignment), alignment.currentTopicOfNewId());
    }

    /**
     * The weights to export and, for each topic id they use, the topic it was during training: what turns
     * anything computed with the trained model (theta, evaluation) into the exported ids.
     */
    public record Aligned(GloCtmExport weights, int[] trainedTopicOfId) {

        /** Theta rows of the trained model, columns reordered into the exported ids. */
        public float[][] renumberColumns(float[][] trainedTheta) {
            float[][] out = new float[trainedTheta.length][trainedTopicOfId.length];
            for (int d = 0; d < trainedTheta.length; d++) {
                for (int id = 0; id < trainedTopicOfId.length; id++) {
                    out[d][id] = trainedTheta[d][trainedTopicOfId[id]];
                }
            }
            return out;
        }
    }

    ObjectNode record(Alignment alignment) {
        ObjectNode node = JSON.createObjectNode();
        node.put("previousModelName", previous.modelName());
        node.put("previousModelVersion", previous.modelVersion());
        node.put("newTopicThreshold", alignment.newTopicThreshold());
        node.set("sharedVocabulary", JSON.valueToTree(alignment.sharedVocabulary()));
        ArrayNode topics = node.putArray("topics");
        alignment.topics().forEach(match -> topics.add(JSON.valueToTree(match)));
        return node;
    }

    String summary(Alignment alignment) {
        int kept = 0;
        int fresh = 0;
        for (int id = 0; id < alignment.numTopics(); id++) {
            kept += alignment.keptId(id) ? 1 : 0;
            fresh += alignment.isNew()[id] ? 1 : 0;
        }
        return String.format(Locale.ROOT, "aligned to %s %s: %d of %d topics kept their id, %d new (similarity < %s)",
                previous.modelName(), previous.modelVersion(), kept, alignment.numTopics(), fresh,
                alignment.newTopicThreshold());
    }
}
