package io.glostream.trainer.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.trainer.model.GloCtmConfig;

/**
 * What a bundle records about where its model came from.
 *
 * @param modelName the model's name (the control topic's key)
 * @param modelVersion the version every output of the model will name
 * @param trainingData fingerprint and provenance of the training corpus, free form; must not use the key
 *     {@value BundleExporter#CONFIG_KEY}, under which the exporter records {@code config}
 * @param config the configuration the model was trained with
 * @param metrics evaluation results, free form (empty if none yet)
 */
public record ModelProvenance(String modelName, String modelVersion, ObjectNode trainingData, GloCtmConfig config,
        ObjectNode metrics) {

    public ModelProvenance {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName is required");
        }
        if (modelVersion == null || modelVersion.isBlank()) {
            throw new IllegalArgumentException("modelVersion is required");
        }
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        trainingData = trainingData == null ? JsonNodeFactory.instance.objectNode() : trainingData.deepCopy();
        if (trainingData.has(BundleExporter.CONFIG_KEY)) {
            throw new IllegalArgumentException("trainingData must not have a '" + BundleExporter.CONFIG_KEY
                    + "' field: the exporter records the training configuration there");
        }
        metrics = metrics == null ? JsonNodeFactory.instance.objectNode() : metrics.deepCopy();
    }

    @Override
    public ObjectNode trainingData() {
        return trainingData.deepCopy();
    }

    @Override
    public ObjectNode metrics() {
        return metrics.deepCopy();
    }
}
