package io.glostream.trainer.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page for an {@link Evaluation}: inline CSS, plots embedded as base64 PNG
 * data URIs, so the file can be mailed or archived alone. It holds a summary table of the scores, the
 * classification and timing tables, the plots and the topics side by side across languages with each
 * topic's TU contribution (and NPMI, when known).
 */
public final class HtmlReport {

    private static final String CSS = """
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            img { display: block; margin: 1em 0; max-width: 100%; }
            pre { background: #f8f8f8; padding: 1em; }
            """;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HtmlReport() {
    }

    /** Writes the page to {@code file}, replacing it whole (written beside it first, then moved). */
    public static void write(Path file, Evaluation evaluation) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, render(evaluation), StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The page as a string. */
    public static String render(Evaluation evaluation) {
        EvaluationReport report = evaluation.report();
        List<String> langs = new ArrayList<>(evaluation.tuPerTopic().keySet());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Topic model evaluation</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>Topic model evaluation</h1>\n");
        summary(html, report, langs);
        classification(html, report);
        html.append("<h2>Plots</h2>\n");
        image(html, ReportCharts.classification(report.classification()), "SVM classification accuracy and macro-F1");
        if (!evaluation.npmiPerTopic().isEmpty()) {
            image(html, ReportCharts.npmiPerTopic(evaluation.npmiPerTopic()), "NPMI per topic");
        }
        topics(html, evaluation, langs);
        timingAndProvenance(html, report);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, EvaluationReport report, List<String> langs) {
        html.append("<h2>Summary</h2>\n<table class=\"summary\">\n<tr><th>metric</th><th>value</th></tr>\n");
        for (String lang : langs) {
            row(html, "TU " + lang, number(report.tu().get(lang)));
        }
        row(html, "TU mean", number(report.tu().get("mean")));
        row(html, "CNPMI", number(report.cnpmi()));
        row(html, "TQ = max(CNPMI, 0) \u00d7 TU mean", number(report.tq()));
        report.npmi().forEach((lang, value) -> row(html, "NPMI " + lang + " (test documents)", number(value)));
        html.append("</table>\n");
    }

    private static void classification(StringBuilder html, EvaluationReport report) {
        Map<String, ClassificationScore> official = report.classificationOfficial();
        html.append("<h2>Classification (SVM)</h2>\n<table class=\"classification\">\n")
                .append("<tr><th>train &rarr; test</th><th>accuracy</th><th>macro-F1</th>");
        if (official != null) {
            html.append("<th>accuracy, authors' features</th><th>macro-F1, authors' features</th>");
        }
        html.append("</tr>\n");
        report.classification().forEach((direction, score) -> {
            html.append("<tr><td>").append(escape(direction))
                    .append("</td><td class=\"num\">").append(number(score.acc()))
                    .append("</td><td class=\"num\">").append(number(score.f1())).append("</td>");
            if (official != null) {
                ClassificationScore theirs = official.get(direction);
                html.append("<td class=\"num\">").append(theirs == null ? "" : number(theirs.acc()))
                        .append("</td><td class=\"num\">").append(theirs == null ? "" : number(theirs.f1()))
                        .append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</table>\n<p>Features: the served theta (global encoder on the polyglot-augmented input)");
        if (official != null) {
            html.append("; authors' features: each language's local encoder's pre-softmax mean on its bag of words,"
                    + " as the published evaluation code classifies");
        }
        html.append(".</p>\n");
    }

    private static void topics(StringBuilder html, Evaluation evaluation, List<String> langs) {
        Map<String, double[]> npmi = evaluation.npmiPerTopic();
        html.append("<h2>Topics</h2>\n<table class=\"topics\">\n<tr><th>topic</th>");
        for (String lang : langs) {
            html.append("<th>TU ").append(escape(lang)).append("</th><th>").append(escape(lang)).append(" top words</th>");
        }
        for (String lang : npmi.keySet()) {
            html.append("<th>NPMI ").append(escape(lang)).append("</th>");
        }
        html.append("</tr>\n");
        List<Map<String, List<String>>> topics = evaluation.report().topics();
        for (int k = 0; k < topics.size(); k++) {
            html.append("<tr><td class=\"num\">").append(k).append("</td>");
            for (String lang : langs) {
                html.append("<td class=\"num\">").append(number(evaluation.tuPerTopic().get(lang)[k])).append("</td><td>")
                        .append(escape(String.join(" ", topics.get(k).get(lang)))).append("</td>");
            }
            for (double[] scores : npmi.values()) {
                html.append("<td class=\"num\">").append(number(scores[k])).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void timingAndProvenance(StringBuilder html, EvaluationReport report) {
        html.append("<h2>Timing</h2>\n<table class=\"timing\">\n<tr><th>part</th><th>seconds</th></tr>\n");
        report.timing().forEach((part, seconds) -> row(html, part, String.format(Locale.ROOT, "%.3f", seconds)));
        html.append("</table>\n<h2>Provenance</h2>\n<pre>");
        try {
            html.append(escape(JSON.writeValueAsString(report.provenance())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("provenance cannot be written as JSON", e);
        }
        html.append("</pre>\n");
    }

    private static void image(StringBuilder html, byte[] png, String description) {
        html.append("<img alt=\"").append(escape(description)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(escape(label)).append("</td><td class=\"num\">").append(value).append("</td></tr>\n");
    }

    private static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Text safe inside HTML elements and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
