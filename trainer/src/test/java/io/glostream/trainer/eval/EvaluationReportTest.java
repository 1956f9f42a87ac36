package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EvaluationReport report(Double cnpmi, Double tq) {
        Map<String, Double> tu = new LinkedHashMap<>();
        tu.put("en", 0.9);
        tu.put("zh", 0.8);
        tu.put("mean", 0.85);
        Map<String, Double> npmi = new LinkedHashMap<>();
        npmi.put("en", 0.05);
        npmi.put("zh", -0.01);
        Map<String, ClassificationScore> classification = new LinkedHashMap<>();
        classification.put("en->en", new ClassificationScore(0.8, 0.75));
        classification.put("zh->zh", new ClassificationScore(0.7, 0.65));
        classification.put("en->zh", new ClassificationScore(0.6, 0.5));
        classification.put("zh->en", new ClassificationScore(0.55, 0.45));
        Map<String, List<String>> topic = new LinkedHashMap<>();
        topic.put("en", List.of("cat", "dog"));
        topic.put("zh", List.of("猫", "狗"));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model", "gloctm");
        provenance.put("seed", 3);
        return new EvaluationReport(tu, cnpmi, tq, npmi, classification, null, List.of(topic), Map.of("total", 1.5),
                provenance);
    }

    @Test
    void jsonHasExactlyTheAgreedTopLevelKeysInOrder() throws Exception {
        JsonNode json = MAPPER.readTree(report(0.07, 0.0595).toJson());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tu", "cnpmi", "tq", "npmi", "classification", "classification_official", "topics",
                "timing", "provenance"), keys);
    }

    @Test
    void theOfficialClassificationIsNullUntilSetAndThenReadsBack() throws Exception {
        EvaluationReport report = report(0.07, 0.0595);
        assertTrue(MAPPER.readTree(report.toJson()).get("classification_official").isNull());
        EvaluationReport withOfficial = report.withOfficialClassification(
                Map.of("en->zh", new ClassificationScore(0.62, 0.61)));
        JsonNode json = MAPPER.readTree(withOfficial.toJson());
        assertEquals(0.62, json.get("classification_official").get("en->zh").get("acc").asDouble());
        assertEquals(report.classification(), withOfficial.classification());
        assertEquals(withOfficial, EvaluationReport.fromJson(withOfficial.toJson()));
        assertTrue(withOfficial.toText().contains("authors' features (local encoders' mean): en->zh acc 0.620"),
                withOfficial.toText());
    }

    @Test
    void nestedValuesHaveTheAgreedShapes() throws Exception {
        JsonNode json = MAPPER.readTree(report(0.07, 0.0595).toJson());
        assertEquals(0.85, json.get("tu").get("mean").asDouble());
        assertEquals(0.07, json.get("cnpmi").asDouble());
        assertEquals(0.75, json.get("classification").get("en->en").get("f1").asDouble());
        assertEquals(0.55, json.get("classification").get("zh->en").get("acc").asDouble());
        assertEquals("狗", json.get("topics").get(0).get("zh").get(1).asText());
        assertEquals(3, json.get("provenance").get("seed").asInt());
    }

    @Test
    void missingCnpmiAndTqAreWrittenAsNull() throws Exception {
        JsonNode json = MAPPER.readTree(report(null, null).toJson());
        assertTrue(json.has("cnpmi") && json.get("cnpmi").isNull());
        assertTrue(json.has("tq") && json.get("tq").isNull());
    }

    @Test
    void jsonReadsBackToAnEqualReport() throws Exception {
        EvaluationReport report = report(0.07, 0.0595);
        assertEquals(report, EvaluationReport.fromJson(report.toJson()));
    }
}
