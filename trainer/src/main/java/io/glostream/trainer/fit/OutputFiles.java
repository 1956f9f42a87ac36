package io.glostream.trainer.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CLI writes results: the parent folders are made on demand, so a user names any new path. */
final class OutputFiles {

    private OutputFiles() {
    }

    static void createParentDirectories(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
