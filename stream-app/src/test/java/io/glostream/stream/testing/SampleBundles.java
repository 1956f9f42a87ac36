package io.glostream.stream.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed sample bundle, and copies of it under another version, as a retrain would publish. */
public final class SampleBundles {

    /** The committed tiny model: en + zh, 10 topics, version sample-1, name gloctm-en-zh-sample. */
    public static final Path SAMPLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "bundle");
    public static final String SAMPLE_VERSION = "sample-1";
    public static final String SAMPLE_NAME = "gloctm-en-zh-sample";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleBundles() {
    }

    /**
     * A copy of the sample bundle at {@code target} whose manifest names {@code version}: every checksum
     * still holds (the manifest lists the other files' sums, not its own), so it loads as a new version.
     */
    public static Path copyWithVersion(Path target, String version) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SAMPLE)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
            Path manifest = target.resolve("manifest.json");
            ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
            json.put("modelVersion", version);
            JSON.writeValue(manifest.toFile(), json);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
