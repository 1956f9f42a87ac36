package io.glostream.trainer.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the CLI writes results: the parent folders are made on demand, so a user names any new path. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Refuses, before any work is done, a file the command could never write: one whose path runs through a
     * regular file, or that is a directory.
     */
    static void checkWritableFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory");
        }
        checkAncestors(option, file);
    }

    /**
     * Refuses, before any work is done, a bundle directory the command could never commit: one whose path runs
     * through a regular file, a regular file, or (unless {@code replace}) a non-empty directory.
     */
    static void checkBundleTarget(String option, Path target, boolean replace) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException(option + " " + target + ": exists and is not a directory");
            }
            if (!replace) {
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(option + " " + target
                                + ": exists and is not empty (choose a new path or remove it)");
                    }
                }
            }
        }
        checkAncestors(option, target);
    }

    private static void checkAncestors(String option, Path path) {
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException(option + " " + path + ": " + p + " is not a directory");
                }
                return;
            }
        }
    }

    static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
