package io.glostream.trainer.align;

import io.glostream.core.bundle.BundleLayout;
import io.glostream.core.bundle.BundleManifest;
import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.bundle.NpyFloatMatrix;
import io.glostream.core.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics of a model bundle that a retrained model is aligned to: its name, version and topic-word matrix
 * over its own vocabularies.
 *
 * @param modelName the previous bundle's model name
 * @param modelVersion the previous bundle's model version
 * @param topics its topic-word matrix ({@value BundleLayout#TOPIC_WORD_FILE}) with its vocabularies
 */
public record PreviousBundle(String modelName, String modelVersion, TopicWordMatrix topics) {

    /**
     * Opens and verifies a bundle (directory or zip) and reads its topics.
     *
     * @param languages the new model's languages in block order; the bundle must have the same
     * @throws IllegalArgumentException when the bundle is for other languages or another block order
     * @throws IOException when the bundle cannot be read or fails verification
     */
    public static PreviousBundle load(Path bundle, List<String> languages) throws IOException {
        try (ModelBundle opened = ModelBundle.open(bundle)) {
            BundleManifest manifest = opened.manifest();
            if (!manifest.languages().equals(languages)) {
                throw new IllegalArgumentException("cannot align to " + bundle + ": it is a model of "
                        + manifest.languages() + ", the new model is of " + languages);
            }
            List<List<String>> vocabularies = new ArrayList<>();
            for (String language : languages) {
                vocabularies.add(Vocabulary.load(opened.file(BundleLayout.vocabularyFile(language))).words());
            }
            NpyFloatMatrix topicWord = NpyFloatMatrix.read(opened.file(BundleLayout.TOPIC_WORD_FILE));
            return new PreviousBundle(manifest.modelName(), manifest.modelVersion(),
                    TopicWordMatrix.fromRowMajor(languages, vocabularies, topicWord.values()));
        }
    }
}
