package io.glostream.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final Pattern TOPIC_ROW = Pattern.compile("<tr><td class=\"num\">(\\d+)</td>");

    private static Evaluation evaluation;
    private static String html;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        evaluation = new Evaluator(3, CnpmiCounting.OFFICIAL_SCRIPT).evaluate(SmallBilingualModel.english(),
                SmallBilingualModel.chinese(), SmallBilingualModel.reference(), Map.of("run", "<test>"));
        html = HtmlReport.render(evaluation);
    }

    @Test
    void writesOneSelfContainedPage() throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, evaluation);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.startsWith("<!DOCTYPE html>"));
        assertTrue(written.contains("<style>"));
        assertFalse(written.contains("http://") || written.contains("https://"), "no external resources");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void topicTableListsEveryTopicWithItsWordsSideBySide() {
        String topics = html.substring(html.indexOf("<table class=\"topics\">"));
        topics = topics.substring(0, topics.indexOf("</table>"));
        List<String> ids = new ArrayList<>();
        Matcher row = TOPIC_ROW.matcher(topics);
        while (row.find()) {
            ids.add(row.group(1));
        }
        assertEquals(List.of("0", "1"), ids);
        assertTrue(topics.contains("<td>cat dog pet</td>"));
        assertTrue(topics.contains("<td>猫 狗 宠物</td>"));
        assertTrue(topics.contains("<th>NPMI zh</th>"));
        // TU contribution of Chinese topic 1 (车 路 宠物, 宠物 shared): (1 + 1 + 1/2) / 3
        assertTrue(topics.contains("<td class=\"num\">0.8333</td><td>车 路 宠物</td>"));
    }

    @Test
    void wordsAndProvenanceAreEscaped() {
        assertTrue(html.contains("car road r&amp;d"));
        assertFalse(html.contains("r&d"));
        assertTrue(html.contains("&lt;test&gt;"));
    }

    @Test
    void summaryShowsTheScores() {
        String cnpmi = String.format(java.util.Locale.ROOT, "%.4f", evaluation.report().cnpmi());
        assertTrue(html.contains("<tr><td>CNPMI</td><td class=\"num\">" + cnpmi + "</td></tr>"));
        assertTrue(html.contains("<td>en-&gt;zh</td>"));
    }

    @Test
    void plotsAreDecodablePngs() throws Exception {
        Matcher uri = DATA_URI.matcher(html);
        int images = 0;
        while (uri.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.group(1))));
            assertNotNull(image, "a PNG that ImageIO can decode");
            assertEquals(ReportCharts.WIDTH, image.getWidth());
            assertEquals(ReportCharts.HEIGHT, image.getHeight());
            images++;
        }
        assertEquals(2, images, "classification and per-topic NPMI plots");
    }
}
