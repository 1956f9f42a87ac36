package io.glostream.core.bundle;

import java.util.Optional;

/**
 * The one rule for paths inside a bundle, applied to manifest entries, files added by the writer and
 * zip entry names alike: relative, {@code /}-separated, and unable to leave the bundle directory.
 */
final class BundlePaths {

    private BundlePaths() {
    }

    /** Why {@code path} may not name a file inside a bundle, or empty if it may. */
    static Optional<String> problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("path is empty");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of("path is absolute; bundle paths are relative");
        }
        if (path.contains(":")) {
            return Optional.of("path contains ':', which some file systems reserve");
        }
        if (path.contains("\\")) {
            return Optional.of("path contains a backslash; bundle paths use '/'");
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                return Optional.of("path contains a control character");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("path escapes the bundle ('..')");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("path has an empty or '.' segment");
            }
        }
        return Optional.empty();
    }
}
