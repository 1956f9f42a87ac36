package io.glostream.trainer.eval;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The evaluation's plots as PNG bytes, drawn by JFreeChart without a display. */
public final class ReportCharts {

    /** Width of every plot in pixels. */
    public static final int WIDTH = 900;
    /** Height of every plot in pixels. */
    public static final int HEIGHT = 420;

    static {
        // Reports are drawn on servers and in CI, where no display exists; set before AWT first loads.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportCharts() {
    }

    /** Bars of accuracy and macro-F1 per train -&gt; test direction. */
    public static byte[] classification(Map<String, ClassificationScore> scores) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        scores.forEach((direction, score) -> {
            data.addValue(score.acc(), "accuracy", direction);
            data.addValue(score.f1(), "macro-F1", direction);
        });
        JFreeChart chart = ChartFactory.createBarChart("SVM classification on theta", "train -> test", "score", data,
                PlotOrientation.VERTICAL, true, false, false);
        ((CategoryPlot) chart.getPlot()).getRangeAxis().setRange(0.0, 1.0);
        return png(chart);
    }

    /** Bars of each topic's NPMI on the test documents, one series per language. */
    public static byte[] npmiPerTopic(Map<String, double[]> perTopic) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        perTopic.forEach((lang, scores) -> {
            for (int k = 0; k < scores.length; k++) {
                data.addValue(scores[k], lang, Integer.valueOf(k));
            }
        });
        JFreeChart chart = ChartFactory.createBarChart("NPMI per topic on the test documents", "topic", "NPMI", data,
                PlotOrientation.VERTICAL, true, false, false);
        ((CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        return png(chart);
    }

    private static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a chart as PNG in memory", e);
        }
        return out.toByteArray();
    }
}
