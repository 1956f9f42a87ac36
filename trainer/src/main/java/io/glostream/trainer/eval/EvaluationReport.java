package io.glostream.trainer.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of one trained model, as JSON with exactly these keys:
 * <pre>
 * {"tu": {"en": x, "zh": x, "mean": x}, "cnpmi": x|null, "tq": x|null, "npmi": {"en": x, "zh": x},
 *  "classification": {"en->en": {"acc": x, "f1": x}, "zh->zh": ..., "en->zh": ..., "zh->en": ...},
 *  "classification_official": {...}|null,
 *  "topics": [{"en": [words], "zh": [words]}, ...], "timing": {part: seconds}, "provenance": {...}}
 * </pre>
 * Classification keys read "train language -&gt; test language". {@code classification} classifies the theta
 * the model serves (the global encoder on the polyglot-augmented input); {@code classification_official} the
 * features the authors' evaluation code classifies, each language's local encoder's pre-softmax mean on the bag
 * of words (null when not computed), so figures compare with the paper's. {@code cnpmi} and {@code tq} are null
 * when no reference corpus was given. Maps keep their insertion order.
 *
 * @param tu             topic uniqueness per language and the mean of the languages
 * @param cnpmi          cross-lingual NPMI on the reference corpus, or null
 * @param tq             {@code max(cnpmi, 0) * tu.mean}, or null
 * @param npmi           per language, NPMI of its topics on its test documents
 * @param classification accuracy and macro-F1 per train -&gt; test direction, on the served theta
 * @param classificationOfficial the same on the features of the authors' evaluation, or null
 * @param topics         per topic, its top words per language
 * @param timing         seconds spent per part of the evaluation
 * @param provenance     whatever the caller wants recorded (model, data, seed, commit)
 */
@JsonPropertyOrder({"tu", "cnpmi", "tq", "npmi", "classification", "classification_official", "topics", "timing",
    "provenance"})
public record EvaluationReport(
        Map<String, Double> tu,
        Double cnpmi,
        Double tq,
        Map<String, Double> npmi,
        Map<String, ClassificationScore> classification,
        @JsonProperty("classification_official") Map<String, ClassificationScore> classificationOfficial,
        List<Map<String, List<String>>> topics,
        Map<String, Double> timing,
        Map<String, Object> provenance) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        tu = ordered(tu, "tu");
        npmi = ordered(npmi, "npmi");
        classification = ordered(classification, "classification");
        classificationOfficial = classificationOfficial == null ? null
                : ordered(classificationOfficial, "classification_official");
        timing = ordered(timing, "timing");
        provenance = ordered(provenance, "provenance");
        Objects.requireNonNull(topics, "topics");
        List<Map<String, List<String>>> topicCopies = new ArrayList<>();
        for (Map<String, List<String>> topic : topics) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            topic.forEach((lang, words) -> copy.put(lang, List.copyOf(words)));
            topicCopies.add(Collections.unmodifiableMap(copy));
        }
        topics = Collections.unmodifiableList(topicCopies);
    }

    /** The headline figures as a few lines for a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder("TU");
        tu.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
        sb.append("; NPMI");
        npmi.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
        sb.append(cnpmi == null ? "; CNPMI n/a (no --ref-corpus)" : String.format(Locale.ROOT, "; CNPMI %.4f; TQ %.4f", cnpmi, tq));
        sb.append(System.lineSeparator()).append("classification (train -> test): ");
        classification.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s acc %.3f f1 %.3f; ", k, v.acc(), v.f1())));
        if (classificationOfficial != null) {
            sb.append(System.lineSeparator()).append("classification, authors' features (local encoders' mean): ");
            classificationOfficial.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s acc %.3f f1 %.3f; ", k,
                    v.acc(), v.f1())));
        }
        return sb.append(System.lineSeparator()).toString();
    }

    /** This report with {@code classification_official} set. */
    public EvaluationReport withOfficialClassification(Map<String, ClassificationScore> scores) {
        return new EvaluationReport(tu, cnpmi, tq, npmi, classification, Objects.requireNonNull(scores, "scores"),
                topics, timing, provenance);
    }

    /** The report as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evaluation report must serialise", e);
        }
    }

    /** Reads a report written by {@link #toJson}. */
    public static EvaluationReport fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, EvaluationReport.class);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
