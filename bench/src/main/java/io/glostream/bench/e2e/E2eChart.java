package io.glostream.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One PNG of several runs' results, three panels: throughput end to end beside the featurise + infer bound of the
 * same run, per second of wall time and per CPU second; then p99 latency (to append, and to a read-committed
 * consumer). Each run is a category labelled by what
 * differs between the runs (batch size and threads in a sweep; language mix and guarantee across a matrix).
 */
public final class E2eChart {

    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 420;
    /** The fields a category label may be made of, in label order, with their short forms. */
    private static final String[][] LABEL_FIELDS = {
        {"lang_mix", ""}, {"guarantee", ""}, {"batch_size", "batch "}, {"threads", "threads "},
        {"partitions", "partitions "}, {"documents", "docs "}, {"broker", ""}};

    static {
        // Charts are drawn on servers without a display; set before AWT first loads.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private E2eChart() {
    }

    /** Reads results files written by {@link E2eResult#write}. */
    public static List<JsonNode> read(List<Path> files) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> runs = new ArrayList<>();
        for (Path file : files) {
            JsonNode run = json.readTree(file.toFile());
            for (String field : List.of("docs_per_s", "bound_docs_per_s", "docs_per_cpu_s", "bound_docs_per_cpu_s", "p99_ms",
                    "visible_p99_ms")) {
                if (!run.hasNonNull(field)) {
                    throw new IllegalArgumentException(file + " has no " + field + ": not an e2e results file");
                }
            }
            runs.add(run);
        }
        return runs;
    }

    /**
     * Draws the runs into {@code png}.
     *
     * @throws IllegalArgumentException when there are no runs
     */
    public static void write(List<JsonNode> runs, Path png) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results to plot");
        }
        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        DefaultCategoryDataset perCpu = new DefaultCategoryDataset();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        List<String> varying = varyingFields(runs);
        for (JsonNode run : runs) {
            String label = label(run, varying);
            throughput.addValue(run.get("docs_per_s").asDouble(), "end to end", label);
            throughput.addValue(run.get("bound_docs_per_s").asDouble(), "featurise + infer alone (bound)", label);
            perCpu.addValue(run.get("docs_per_cpu_s").asDouble(), "end to end (app JVM + broker CPU)", label);
            perCpu.addValue(run.get("bound_docs_per_cpu_s").asDouble(), "featurise + infer alone (bound)", label);
            latency.addValue(run.get("p99_ms").asDouble(), "p99 to output append", label);
            latency.addValue(run.get("visible_p99_ms").asDouble(), "p99 to read-committed consumer", label);
        }
        JFreeChart top = chart(ChartFactory.createBarChart("Throughput (documents/s)", null, "documents/s", throughput,
                PlotOrientation.VERTICAL, true, false, false));
        JFreeChart middle = chart(ChartFactory.createBarChart("Documents per CPU second", null, "documents/CPU s",
                perCpu, PlotOrientation.VERTICAL, true, false, false));
        JFreeChart bottom = chart(ChartFactory.createBarChart("Latency at the latency phase's rate (ms)", null, "ms", latency,
                PlotOrientation.VERTICAL, true, false, false));
        BufferedImage image = new BufferedImage(WIDTH, 3 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            top.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, PANEL_HEIGHT));
            middle.draw(graphics, new Rectangle2D.Double(0, PANEL_HEIGHT, WIDTH, PANEL_HEIGHT));
            bottom.draw(graphics, new Rectangle2D.Double(0, 2 * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT));
        } finally {
            graphics.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static JFreeChart chart(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart;
    }

    /** The label fields whose values differ between runs; language mix and guarantee when none do. */
    static List<String> varyingFields(List<JsonNode> runs) {
        List<String> varying = new ArrayList<>();
        for (String[] field : LABEL_FIELDS) {
            String first = runs.get(0).path(field[0]).asText();
            if (runs.stream().anyMatch(run -> !run.path(field[0]).asText().equals(first))) {
                varying.add(field[0]);
            }
        }
        return varying.isEmpty() ? List.of("lang_mix", "guarantee") : varying;
    }

    static String label(JsonNode run, List<String> fields) {
        List<String> parts = new ArrayList<>();
        for (String[] field : LABEL_FIELDS) {
            if (fields.contains(field[0])) {
                String value = run.path(field[0]).asText();
                parts.add(field[1] + (field[0].equals("guarantee") ? shortGuarantee(value) : value));
            }
        }
        return String.join(" ", parts);
    }

    private static String shortGuarantee(String guarantee) {
        return switch (guarantee.toLowerCase(Locale.ROOT)) {
            case "exactly_once_v2" -> "EOS";
            case "at_least_once" -> "ALOS";
            default -> guarantee;
        };
    }
}
