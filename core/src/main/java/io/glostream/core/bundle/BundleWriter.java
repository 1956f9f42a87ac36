package io.glostream.core.bundle;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a model bundle. Files are added by content or by a callback that writes them; on
 * {@link #commit} each is written once into a staging directory beside the target while its SHA-256
 * is computed, the manifest is completed with those checksums, the staged bundle is verified with
 * {@link ModelBundle#open}, and only then is it renamed into place. A failure at any step removes
 * the staging directory and leaves the target as it was.
 */
public final class BundleWriter {

    /** Writes one file's bytes; may be called at most once, during {@link #commit}. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);
    private static final String PLACEHOLDER_SHA256 = "0".repeat(64);

    private final BundleManifest manifest;
    private final Map<String, FileContent> files = new LinkedHashMap<>();

    /**
     * @param manifest every field but {@code files}, which the writer computes (so it must be empty)
     */
    public BundleWriter(BundleManifest manifest) {
        if (manifest == null) {
            throw new IllegalArgumentException("manifest is required");
        }
        if (!manifest.files().isEmpty()) {
            throw new IllegalArgumentException("the writer lists files itself; build the manifest without files");
        }
        this.manifest = manifest;
    }

    /** Adds a file with the given bytes (copied). */
    public BundleWriter addFile(String path, byte[] bytes) {
        byte[] copy = bytes.clone();
        return addFile(path, out -> out.write(copy));
    }

    /**
     * Adds a file whose bytes {@code content} writes at commit time. Closing the stream it is given is
     * harmless.
     *
     * @throws IllegalArgumentException if the path is unsafe, reserved, taken, or clashes with a directory
     */
    public BundleWriter addFile(String path, FileContent content) {
        Optional<String> problem = BundlePaths.problemWith(path);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(path + ": " + problem.get());
        }
        if (path.equals(BundleManifest.MANIFEST_FILE)) {
            throw new IllegalArgumentException(path + ": reserved for the manifest the writer produces");
        }
        if (files.containsKey(path)) {
            throw new IllegalArgumentException(path + ": added twice");
        }
        for (String existing : files.keySet()) {
            if (existing.startsWith(path + "/") || path.startsWith(existing + "/")) {
                throw new IllegalArgumentException(
                        path + ": clashes with " + existing + " (a file cannot be a directory)");
            }
        }
        files.put(path, content);
        return this;
    }

    /** {@link #commit(Path, boolean)} that refuses to replace an existing non-empty directory. */
    public BundleManifest commit(Path target) throws IOException {
        return commit(target, false);
    }

    /**
     * Writes the bundle to {@code target} (created with its parents as needed).
     *
     * @param replaceExisting whether a non-empty directory at {@code target} may be replaced
     * @return the complete manifest, with every file's SHA-256
     * @throws IllegalStateException if the manifest is inconsistent with itself or with the added files
     * @throws FileAlreadyExistsException if {@code target} is a file, or a non-empty directory not to be replaced
     * @throws BundleVerificationException if the written bundle does not verify (an encoder of the wrong shape)
     */
    public BundleManifest commit(Path target, boolean replaceExisting) throws IOException {
        checkDraft();
        Path destination = target.toAbsolutePath().normalize();
        Path parent = destination.getParent();
        Files.createDirectories(parent);
        checkDestination(destination, replaceExisting);
        Path staging = Files.createTempDirectory(parent, "." + destination.getFileName() + ".staging-");
        try {
            Map<String, String> checksums = new TreeMap<>();
            for (Map.Entry<String, FileContent> file : files.entrySet()) {
                checksums.put(file.getKey(), writeDurably(staging.resolve(file.getKey()), file.getValue()));
            }
            BundleManifest complete = manifest.withFiles(checksums);
            byte[] json = complete.toJson();
            writeDurably(staging.resolve(BundleManifest.MANIFEST_FILE), out -> out.write(json));
            ModelBundle.open(staging).close();
            checkDestination(destination, replaceExisting);
            moveIntoPlace(staging, destination);
            return complete;
        } catch (IOException | RuntimeException e) {
            try {
                Directories.deleteRecursively(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Zips a verified bundle directory for shipping: {@code manifest.json} first, then the listed files
     * in path order, each stamped with the manifest's {@code createdAt}. The zip is written beside
     * {@code zipFile} and renamed over it, so a reader never sees a partial zip.
     *
     * @throws BundleVerificationException if {@code bundleDir} does not verify
     */
    public static void zip(Path bundleDir, Path zipFile) throws IOException {
        if (!Files.isDirectory(bundleDir)) {
            throw new IllegalArgumentException(bundleDir + " is not a bundle directory");
        }
        Path destination = zipFile.toAbsolutePath().normalize();
        Files.createDirectories(destination.getParent());
        try (ModelBundle bundle = ModelBundle.open(bundleDir)) {
            Path partial = Files.createTempFile(destination.getParent(), "." + destination.getFileName() + ".",
                    ".partial");
            try {
                writeZip(bundle, partial);
                Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
        }
    }

    private static void writeZip(ModelBundle bundle, Path zipFile) throws IOException {
        long time = Instant.parse(bundle.manifest().createdAt()).toEpochMilli();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zipFile)))) {
            Path manifest = bundle.root().resolve(BundleManifest.MANIFEST_FILE);
            putEntry(zip, BundleManifest.MANIFEST_FILE, manifest, time);
            for (String name : bundle.manifest().files().keySet()) {
                putEntry(zip, name, bundle.file(name), time);
            }
        }
    }

    /** Fails before anything is written if the manifest could never verify with these files. */
    private void checkDraft() {
        Map<String, String> provisional = new TreeMap<>();
        files.keySet().forEach(path -> provisional.put(path, PLACEHOLDER_SHA256));
        try {
            manifest.withFiles(provisional).checkConsistent();
        } catch (BundleVerificationException e) {
            throw new IllegalStateException("cannot commit: " + e.getMessage(), e);
        }
    }

    private static void checkDestination(Path destination, boolean replaceExisting) throws IOException {
        if (!Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(destination.toString(), null, "exists and is not a directory");
        }
        if (!replaceExisting && !Directories.isEmptyDirectory(destination)) {
            throw new FileAlreadyExistsException(destination.toString(), null,
                    "is a non-empty directory; commit with replaceExisting to replace it");
        }
    }

    /** Each rename is atomic; replacing a non-empty directory takes two, undone if the second fails. */
    private static void moveIntoPlace(Path staging, Path destination) throws IOException {
        if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
            if (Directories.isEmptyDirectory(destination)) {
                Files.delete(destination);
            } else {
                replaceDirectory(staging, destination);
                return;
            }
        }
        Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void replaceDirectory(Path staging, Path destination) throws IOException {
        Path retired = Files.createTempDirectory(destination.getParent(),
                "." + destination.getFileName() + ".retired-");
        Files.delete(retired);
        Files.move(destination, retired, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(retired, destination, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        try {
            Directories.deleteRecursively(retired);
        } catch (IOException e) {
            LOG.warn("replaced bundle {} but could not delete the old one at {}", destination, retired, e);
        }
    }

    /** Writes, syncs to disk and returns the SHA-256 of what was written. */
    private static String writeDurably(Path file, FileContent content) throws IOException {
        Files.createDirectories(file.getParent());
        MessageDigest digest = Sha256.newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel)), digest);
            content.writeTo(new CloseShield(out));
            out.flush();
            channel.force(true);
        }
        return Sha256.hex(digest.digest());
    }

    private static void putEntry(ZipOutputStream zip, String name, Path file, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /** Lets a callback close its stream without closing the channel the writer still has to sync. */
    private static final class CloseShield extends FilterOutputStream {

        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
