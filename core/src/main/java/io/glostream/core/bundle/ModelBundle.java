package io.glostream.core.bundle;

import io.glostream.core.inference.InferenceException;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.OnnxEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified model bundle: a directory, or a zip of one, holding {@code manifest.json} and the files it
 * lists. {@link #open} refuses any bundle that is not exactly what its manifest says, so a running
 * model is only ever replaced by one that will load.
 *
 * <p>A zipped bundle is extracted into a private temporary directory that {@link #close()} deletes.
 * A directory bundle is read in place: it is verified once at {@link #open}, so it must not be
 * changed while in use.
 */
public final class ModelBundle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBundle.class);
    private static final String EXTRACTION_PREFIX = "glostream-bundle-";

    private final Path source;
    private final Path root;
    private final boolean extracted;
    private final BundleManifest manifest;
    private final String manifestSha256;
    private volatile boolean closed;

    private ModelBundle(Path source, Path root, boolean extracted, BundleManifest manifest, String manifestSha256) {
        this.source = source;
        this.root = root;
        this.extracted = extracted;
        this.manifest = manifest;
        this.manifestSha256 = manifestSha256;
    }

    /**
     * Opens and verifies a bundle: the manifest is present, parseable, of a supported format and
     * self-consistent; every listed file is present inside the bundle with its SHA-256; no unlisted
     * file is present; every encoder loads and has the manifest's dimensions and input form.
     *
     * @throws BundleVerificationException naming the first file that fails and why
     */
    public static ModelBundle open(Path dirOrZip) throws BundleVerificationException {
        return open(dirOrZip, ZipExtractor.DEFAULT, null);
    }

    /** {@link #open(Path)} with explicit zip limits and a parent for the extraction directory (null: system temp). */
    static ModelBundle open(Path dirOrZip, ZipExtractor extractor, Path extractionParent)
            throws BundleVerificationException {
        String bundleName = dirOrZip.toString();
        if (Files.isDirectory(dirOrZip)) {
            return verify(dirOrZip, dirOrZip, false);
        }
        if (!Files.isRegularFile(dirOrZip)) {
            throw new BundleVerificationException(bundleName, "no bundle directory or zip here");
        }
        Path extraction;
        try {
            extraction = extractionParent == null
                    ? Files.createTempDirectory(EXTRACTION_PREFIX)
                    : Files.createTempDirectory(extractionParent, EXTRACTION_PREFIX);
        } catch (IOException e) {
            throw new BundleVerificationException(bundleName, "cannot create extraction directory: " + e, e);
        }
        try {
            extractor.extract(dirOrZip, extraction);
            return verify(dirOrZip, extraction, true);
        } catch (BundleVerificationException | RuntimeException e) {
            deleteQuietly(extraction, e);
            throw e;
        }
    }

    /** The manifest, as verified. */
    public BundleManifest manifest() {
        return manifest;
    }

    /** SHA-256 (lower-case hex) of the manifest's bytes, which seal every other file by their checksums. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /** Where the bundle was opened from: its directory or zip. */
    public Path source() {
        return source;
    }

    /** The directory holding the bundle's files (the extraction directory for a zip). */
    public Path root() {
        checkOpen();
        return root;
    }

    /**
     * The path of a file listed in the manifest.
     *
     * @throws IllegalArgumentException if {@code name} is not listed
     */
    public Path file(String name) {
        checkOpen();
        if (!manifest.files().containsKey(name)) {
            throw new IllegalArgumentException("no file '" + name + "' in bundle " + source + "; it lists "
                    + manifest.files().keySet());
        }
        return root.resolve(name);
    }

    /** {@link #openEncoder(String, int)} with {@value OnnxEncoder#DEFAULT_INTRA_OP_THREADS} intra-op thread. */
    public OnnxEncoder openEncoder(String name) throws BundleVerificationException {
        return openEncoder(name, OnnxEncoder.DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * Loads the named encoder ({@value BundleManifest#GLOBAL_ENCODER} or a language) and checks its
     * graph's dimensions and input form against the manifest. The caller closes the encoder.
     *
     * @throws IllegalArgumentException if the manifest has no such encoder
     * @throws BundleVerificationException naming the ONNX file if it does not load or its dimensions or input
     *     form differ
     */
    public OnnxEncoder openEncoder(String name, int intraOpThreads) throws BundleVerificationException {
        checkOpen();
        EncoderSpec spec = manifest.encoders().get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no encoder '" + name + "' in bundle " + source + "; it has "
                    + manifest.encoders().keySet());
        }
        return openVerifiedEncoder(root, spec, intraOpThreads);
    }

    /** Deletes the extraction directory of a zipped bundle; a directory bundle is left as it is. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (extracted) {
            try {
                Directories.deleteRecursively(root);
            } catch (IOException e) {
                LOG.warn("could not delete extracted bundle {} of {}", root, source, e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("bundle " + source + " is closed");
        }
    }

    private static ModelBundle verify(Path source, Path root, boolean extracted) throws BundleVerificationException {
        Path manifestFile = root.resolve(BundleManifest.MANIFEST_FILE);
        byte[] manifestBytes;
        try {
            manifestBytes = Files.readAllBytes(manifestFile);
        } catch (NoSuchFileException e) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "missing", e);
        } catch (IOException e) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "unreadable: " + e, e);
        }
        BundleManifest manifest = BundleManifest.fromJson(manifestBytes);
        manifest.checkConsistent();
        Path realRoot = realPath(root, source.toString());
        for (Map.Entry<String, String> listed : manifest.files().entrySet()) {
            checkListedFile(realRoot, listed.getKey(), listed.getValue());
        }
        checkNothingUnlisted(realRoot, manifest);
        for (EncoderSpec spec : manifest.encoders().values()) {
            openVerifiedEncoder(root, spec, OnnxEncoder.DEFAULT_INTRA_OP_THREADS).close();
        }
        return new ModelBundle(source, root, extracted, manifest, Sha256.of(manifestBytes));
    }

    private static void checkListedFile(Path realRoot, String name, String expectedSha256)
            throws BundleVerificationException {
        Path file = realRoot.resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleVerificationException(name, "listed in the manifest but missing");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleVerificationException(name, "not a regular file (a directory or symbolic link)");
        }
        if (!realPath(file, name).startsWith(realRoot)) {
            throw new BundleVerificationException(name, "resolves outside the bundle");
        }
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (IOException e) {
            throw new BundleVerificationException(name, "unreadable: " + e, e);
        }
        if (!actual.equals(expectedSha256)) {
            throw new BundleVerificationException(name, "sha256 mismatch (tampered or truncated)");
        }
    }

    /** Every file in the bundle is sealed by the manifest, so a stray one means the bundle was altered. */
    private static void checkNothingUnlisted(Path realRoot, BundleManifest manifest)
            throws BundleVerificationException {
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(realRoot)) {
            paths.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .map(path -> realRoot.relativize(path).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(BundleManifest.MANIFEST_FILE))
                    .filter(name -> !manifest.files().containsKey(name))
                    .sorted()
                    .forEach(unlisted::add);
        } catch (IOException e) {
            throw new BundleVerificationException(realRoot.toString(), "cannot list bundle: " + e, e);
        }
        if (!unlisted.isEmpty()) {
            String others = unlisted.size() > 1 ? " (nor are " + unlisted.subList(1, unlisted.size()) + ")" : "";
            throw new BundleVerificationException(unlisted.get(0),
                    "present in the bundle but not listed in the manifest" + others);
        }
    }

    private static OnnxEncoder openVerifiedEncoder(Path root, EncoderSpec spec, int intraOpThreads)
            throws BundleVerificationException {
        OnnxEncoder encoder;
        try {
            encoder = OnnxEncoder.open(root.resolve(spec.file()), intraOpThreads);
        } catch (InferenceException e) {
            throw new BundleVerificationException(spec.file(), "not a valid encoder: " + e.getMessage(), e);
        }
        if (encoder.inputDimension() != spec.inputDim()) {
            encoder.close();
            throw new BundleVerificationException(spec.file(), "encoder input dimension " + encoder.inputDimension()
                    + " differs from the manifest's " + spec.inputDim());
        }
        if (encoder.topics() != spec.outputDim()) {
            encoder.close();
            throw new BundleVerificationException(spec.file(), "encoder output dimension " + encoder.topics()
                    + " differs from the manifest's " + spec.outputDim());
        }
        if (encoder.inputForm() != spec.input()) {
            encoder.close();
            throw new BundleVerificationException(spec.file(), "encoder takes " + describe(encoder.inputForm())
                    + " input, the manifest says " + describe(spec.input()));
        }
        return encoder;
    }

    private static String describe(EncoderInput input) {
        return input.name().toLowerCase(Locale.ROOT);
    }

    private static Path realPath(Path path, String name) throws BundleVerificationException {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new BundleVerificationException(name, "cannot resolve: " + e, e);
        }
    }

    private static void deleteQuietly(Path directory, Exception failure) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
