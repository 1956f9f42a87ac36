package io.glostream.stream.model;

import io.glostream.core.bundle.BundleVerificationException;
import io.glostream.core.model.TopicModel;
import io.glostream.schemas.ModelRef;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the bundle an announcement names and checks it is the one announced: every checksum and shape
 * (by {@link TopicModel#load}), then the manifest's sha256, model name and version against the
 * announcement's. Anything off refuses the bundle.
 *
 * <p>A hot swap must also keep every language the serving model tags ({@link #load(String, ModelRef, Collection)}):
 * a retrain that dropped one would turn that language's documents from tagged results into
 * {@code UNSUPPORTED_LANGUAGE} dead letters in the middle of the stream, with no operator deciding it. A bundle
 * that adds languages is accepted. Serving fewer languages is a deliberate change: restart with the new
 * {@code model.path}.
 */
public final class ModelLoader {

    private final int inferenceThreads;

    public ModelLoader(int inferenceThreads) {
        if (inferenceThreads < 1) {
            throw new IllegalArgumentException("inference threads must be at least 1, got " + inferenceThreads);
        }
        this.inferenceThreads = inferenceThreads;
    }

    /** Loads and verifies the bundle at {@code path}, whatever its name and version. */
    public TopicModel load(Path path) throws ModelRefusedException {
        try {
            return TopicModel.load(path, inferenceThreads);
        } catch (BundleVerificationException e) {
            throw new ModelRefusedException("bundle " + path + " failed verification: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelRefusedException("bundle " + path + " could not be loaded: " + e, e);
        }
    }

    /** Loads the announced bundle and checks it is {@code modelName}'s announced version and checksum. */
    public TopicModel load(String modelName, ModelRef ref) throws ModelRefusedException {
        Path path;
        try {
            path = ModelRefs.location(ref.getUri());
        } catch (IllegalArgumentException e) {
            throw new ModelRefusedException(e.getMessage(), e);
        }
        TopicModel model = load(path);
        String problem = null;
        if (!model.manifestSha256().equalsIgnoreCase(ref.getSha256())) {
            problem = "its manifest's sha256 is " + model.manifestSha256() + ", the announcement says " + ref.getSha256();
        } else if (!model.version().equals(ref.getVersion())) {
            problem = "it is version " + model.version() + ", the announcement says " + ref.getVersion();
        } else if (!modelName.equals(model.manifest().modelName())) {
            problem = "it is model " + model.manifest().modelName() + ", announced under " + modelName;
        }
        if (problem != null) {
            model.close();
            throw new ModelRefusedException("bundle " + path + " refused: " + problem);
        }
        return model;
    }

    /**
     * As {@link #load(String, ModelRef)}, and refuses a bundle that does not serve every one of
     * {@code servingLanguages} (the languages of the model it would replace).
     */
    public TopicModel load(String modelName, ModelRef ref, Collection<String> servingLanguages)
            throws ModelRefusedException {
        Objects.requireNonNull(servingLanguages, "servingLanguages");
        TopicModel model = load(modelName, ref);
        Set<String> missing = new TreeSet<>(servingLanguages);
        missing.removeAll(model.languages());
        if (!missing.isEmpty()) {
            model.close();
            throw new ModelRefusedException("bundle " + ModelRefs.location(ref.getUri()) + " refused: it serves "
                    + model.languages() + " but not " + missing + ", which the serving model tags; restart with "
                    + "model.path to drop a language");
        }
        return model;
    }
}
