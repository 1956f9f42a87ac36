package io.glostream.stream.model;

import io.glostream.core.model.TopicModel;
import io.glostream.schemas.ModelRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Announcements of bundles on the control topic: making one for a bundle, and finding the bundle one names. */
public final class ModelRefs {

    private ModelRefs() {
    }

    /** The announcement of a loaded bundle that lives at {@code location}. */
    public static ModelRef of(TopicModel model, Path location) {
        return ModelRef.newBuilder()
                .setVersion(model.version())
                .setUri(location.toAbsolutePath().normalize().toUri().toString())
                .setSha256(model.manifestSha256())
                .setCreatedAt(createdAt(model))
                .build();
    }

    private static Instant createdAt(TopicModel model) {
        String created = model.manifest().createdAt();
        try {
            return created == null ? Instant.now() : Instant.parse(created);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /**
     * The local path a {@link ModelRef#getUri() uri} names: a {@code file:} URI or a plain path.
     *
     * @throws IllegalArgumentException for another scheme or a malformed URI
     */
    public static Path location(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the announcement has no uri");
        }
        if (uri.startsWith("file:")) {
            try {
                return Path.of(URI.create(uri));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + uri + "' is not a usable file: URI (" + e.getMessage() + ")");
            }
        }
        if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !uri.matches("^[a-zA-Z]:[\\\\/].*")) {
            throw new IllegalArgumentException("'" + uri + "': only file: URIs and local paths can be loaded; "
                    + "mount or copy the bundle where every instance can read it");
        }
        return Path.of(uri);
    }
}
