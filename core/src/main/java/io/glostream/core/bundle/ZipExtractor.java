package io.glostream.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zipped bundle into an empty directory, trusting nothing in the archive: entry names that
 * are absolute or climb out with {@code ..}, symbolic links and other non-regular entries, duplicate
 * names, and entries or archives larger than the limits (counted while copying, not taken from the
 * headers) are refused.
 */
final class ZipExtractor {

    /** Generous for a bundle of vocabularies, neighbour tables and encoders of 10^5-word vocabularies. */
    static final ZipExtractor DEFAULT = new ZipExtractor(1L << 30, 4L << 30, 10_000);

    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 0040000;

    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final int maxEntries;

    ZipExtractor(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        if (maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * Extracts every entry of {@code zip} under {@code target}, which must exist and be empty.
     *
     * @throws BundleVerificationException naming the offending entry, or the zip if it is unreadable
     */
    void extract(Path zip, Path target) throws BundleVerificationException {
        String zipName = zip.getFileName().toString();
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
            Set<String> seen = new HashSet<>();
            long total = 0;
            Enumeration<ZipArchiveEntry> entries = archive.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                String name = entry.getName();
                checkEntry(entry, name);
                if (!seen.add(name)) {
                    throw new BundleVerificationException(name, "zip entry appears twice");
                }
                if (seen.size() > maxEntries) {
                    throw new BundleVerificationException(zipName, "more than " + maxEntries + " zip entries");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target.resolve(stripTrailingSlash(name)));
                    continue;
                }
                if (!archive.canReadEntryData(entry)) {
                    throw new BundleVerificationException(name, "zip entry uses an unsupported compression method");
                }
                total += copyEntry(archive, entry, target.resolve(name), total);
            }
        } catch (BundleVerificationException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleVerificationException(zipName, "cannot read zip: " + e.getMessage(), e);
        }
    }

    private static void checkEntry(ZipArchiveEntry entry, String name) throws BundleVerificationException {
        if (entry.isUnixSymlink()) {
            throw new BundleVerificationException(name, "zip entry is a symbolic link");
        }
        if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
            int type = entry.getUnixMode() & TYPE_MASK;
            if (type != 0 && type != REGULAR_FILE && type != DIRECTORY) {
                throw new BundleVerificationException(name, "zip entry is not a regular file or directory");
            }
        }
        Optional<String> problem = BundlePaths.problemWith(entry.isDirectory() ? stripTrailingSlash(name) : name);
        if (problem.isPresent()) {
            throw new BundleVerificationException(name, "zip entry refused: " + problem.get());
        }
    }

    private long copyEntry(ZipFile archive, ZipArchiveEntry entry, Path out, long totalSoFar)
            throws IOException {
        String name = entry.getName();
        if (entry.getSize() > maxEntryBytes) {
            throw oversized(name);
        }
        Files.createDirectories(out.getParent());
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = archive.getInputStream(entry);
                OutputStream sink = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > maxEntryBytes) {
                    throw oversized(name);
                }
                if (totalSoFar + written > maxTotalBytes) {
                    throw new BundleVerificationException(name, "zip expands past " + maxTotalBytes + " bytes");
                }
                sink.write(buffer, 0, read);
            }
        }
        return written;
    }

    private BundleVerificationException oversized(String name) {
        return new BundleVerificationException(name, "zip entry larger than " + maxEntryBytes + " bytes");
    }

    private static String stripTrailingSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
