package io.glostream.trainer.cli;

import io.glostream.core.bundle.BundleManifest;
import java.io.PrintWriter;

/** The few lines that say which model a bundle holds, shared by {@code verify} and {@code inspect}. */
final class BundleSummary {

    private BundleSummary() {
    }

    static void print(PrintWriter out, BundleManifest manifest) {
        out.printf("model      %s, version %s, created %s%n", manifest.modelName(), manifest.modelVersion(),
                manifest.createdAt());
        StringBuilder languages = new StringBuilder();
        for (String lang : manifest.languages()) {
            languages.append(languages.length() == 0 ? "" : ", ").append(lang).append(" (V=")
                    .append(manifest.vocabularySizes().get(lang)).append(')');
        }
        out.printf("languages  %s%n", languages);
        out.printf("topics     K=%d, neighbours k=%d, encoders %s%n", manifest.topics(), manifest.neighbourK(),
                manifest.encoders().keySet());
    }
}
