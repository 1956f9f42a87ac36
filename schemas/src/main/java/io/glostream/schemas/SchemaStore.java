package io.glostream.schemas;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Writer schemas by their CRC-64-AVRO fingerprint, the key that Avro single-object encoding puts in
 * front of every record. A new store knows the current schema of every contract of this module;
 * older or newer versions of a contract are added with {@link #register(Schema)} or
 * {@link #loadDirectory(Path)}, so a reader can decode what an older or newer writer produced.
 *
 * <p>Thread-safe: schemas may be registered while serdes decode with the store.
 */
public final class SchemaStore implements org.apache.avro.message.SchemaStore {

    private static final List<Schema> CURRENT_SCHEMAS = List.of(
            Document.getClassSchema(),
            DocumentTopics.getClassSchema(),
            DeadLetter.getClassSchema(),
            ModelRef.getClassSchema());

    private final ConcurrentMap<Long, Schema> schemasByFingerprint = new ConcurrentHashMap<>();

    /** Creates a store that knows the current Document, DocumentTopics, DeadLetter and ModelRef schemas. */
    public SchemaStore() {
        CURRENT_SCHEMAS.forEach(this::register);
    }

    /**
     * The fingerprint single-object encoding writes for a schema: CRC-64-AVRO of its parsing
     * canonical form, so docs, defaults and custom properties do not change it.
     */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(Objects.requireNonNull(schema, "schema"));
    }

    /**
     * Makes a schema known to this store. Registering a schema whose fingerprint is already known
     * keeps the first one: both have the same canonical form, so they decode the same bytes.
     *
     * @return the schema's fingerprint
     */
    public long register(Schema schema) {
        long fingerprint = fingerprint(schema);
        schemasByFingerprint.putIfAbsent(fingerprint, schema);
        return fingerprint;
    }

    /**
     * Registers every {@code *.avsc} file directly in a directory, for operators who deploy a reader
     * before its writers upgrade. Each file must be a self-contained schema. Either all files are
     * registered or, when one cannot be parsed, none is.
     *
     * @return the schemas read, in file name order
     * @throws IOException if the directory or a file cannot be read
     * @throws IllegalArgumentException if a file is not a valid Avro schema; the message names it
     */
    public List<Schema> loadDirectory(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> avsc = Files.newDirectoryStream(directory, "*.avsc")) {
            avsc.forEach(files::add);
        }
        files.sort(null);
        List<Schema> schemas = new ArrayList<>(files.size());
        for (Path file : files) {
            schemas.add(parse(file));
        }
        schemas.forEach(this::register);
        return schemas;
    }

    /** The schema with this fingerprint, or null when the store does not know it. */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        return schemasByFingerprint.get(fingerprint);
    }

    private static Schema parse(Path file) throws IOException {
        // A fresh parser per file: versions of one contract share a full name and would clash in one parser.
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (AvroRuntimeException e) {
            throw new IllegalArgumentException("not a valid Avro schema file " + file + ": " + e.getMessage(), e);
        }
    }
}
