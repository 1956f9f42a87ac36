package io.glostream.trainer.fit;

import io.glostream.trainer.embeddings.DocumentVectorSource;
import io.glostream.trainer.model.GloCtmConfig;
import io.glostream.trainer.prepare.VocabularyOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * How {@code fit} runs beyond the model's own configuration.
 *
 * @param model            the GloCTM configuration (topics, epochs, seed, lambdas, device...)
 * @param neighbourK       neighbours per word for polyglot augmentation; 0 turns augmentation off (an ablation)
 * @param vocabulary       bounds for vocabularies built from the data (unused when the data fixes them)
 * @param threads          threads for the neighbour search
 * @param checkpoint       where checkpoints go
 * @param checkpointEvery  save a checkpoint every this many epochs (and at the end)
 * @param resume           continue from {@code checkpoint} when it exists
 * @param documentVectors  per language, where the CKA document vectors come from; a language not named gets
 *                         the tf-idf default
 */
public record FitOptions(GloCtmConfig model, int neighbourK, VocabularyOptions vocabulary, int threads,
                         Path checkpoint, int checkpointEvery, boolean resume,
                         Map<String, DocumentVectorSource> documentVectors) {

    public FitOptions {
        if (neighbourK < 0) {
            throw new IllegalArgumentException("--neighbours must be >= 0, got " + neighbourK);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 1, got " + checkpointEvery);
        }
        documentVectors = Map.copyOf(documentVectors);
    }
}
