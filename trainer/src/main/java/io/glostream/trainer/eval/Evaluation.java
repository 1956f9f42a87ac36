package io.glostream.trainer.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link EvaluationReport} with the per-topic scores behind its means, which the report's JSON does
 * not carry and the {@link HtmlReport} tabulates and plots.
 *
 * @param report       the scores
 * @param tuPerTopic   per language, each topic's term of the TU sum ({@link TopicUniqueness#perTopic})
 * @param npmiPerTopic per language, each topic's NPMI on that language's test documents
 */
public record Evaluation(EvaluationReport report, Map<String, double[]> tuPerTopic, Map<String, double[]> npmiPerTopic) {

    public Evaluation {
        tuPerTopic = Collections.unmodifiableMap(new LinkedHashMap<>(tuPerTopic));
        npmiPerTopic = Collections.unmodifiableMap(new LinkedHashMap<>(npmiPerTopic));
    }
}
