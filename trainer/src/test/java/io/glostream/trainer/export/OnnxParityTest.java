package io.glostream.trainer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.model.TopicModel;
import io.glostream.trainer.model.GloCtmModel;
import io.glostream.trainer.model.TrainedEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity criterion: on 2,000 held-out documents per language, theta from the exported ONNX
 * encoders (through {@link TopicModel}, as serving runs them) and from the DJL model differ by at most 1e-5.
 */
class OnnxParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final int DOCUMENTS = 2000;
    private static final int BATCH = 256;

    @TempDir
    static Path dir;

    private static TrainedBilingualModel trained;
    private static TopicModel exported;
    private static List<List<Features>> heldOut;

    @BeforeAll
    static void export() throws IOException {
        trained = TrainedBilingualModel.get();
        Path bundle = dir.resolve("bundle");
        new BundleExporter(Clock.systemUTC()).export(trained.model(), trained.featurizer(), trained.neighbours(),
                new ModelProvenance("parity", "parity-1", null, TrainedBilingualModel.CONFIG, null), bundle, false);
        exported = TopicModel.load(bundle);
        Random random = new Random(2024);
        heldOut = List.of(trained.documents(0, DOCUMENTS, random), trained.documents(1, DOCUMENTS, random));
    }

    @Test
    void batchNormStatisticsMovedAwayFromTheirInitialValues() {
        for (TrainedEncoder encoder : List.of(trained.model().export().global(), trained.model().export().local1(),
                trained.model().export().local2())) {
            assertTrue(maxAbsDistance(encoder.bnRunningMean(), 0f) > 0.05, "running mean stayed at 0");
            assertTrue(maxAbsDistance(encoder.bnRunningVar(), 1f) > 0.05, "running variance stayed at 1");
            assertTrue(maxAbsDistance(encoder.bnBeta(), 0f) > 1e-3, "batch-norm shift was not trained");
        }
    }

    @Test
    void globalThetaMatchesDjlOnBothLanguages() {
        GloCtmModel model = trained.model();
        for (List<Features> documents : heldOut) {
            float[][] djl = model.thetaGlobal(TrainedBilingualModel.globals(documents));
            assertWithinTolerance(djl, batched(documents, batch -> exported.infer(batch).thetaRows()));
        }
    }

    @Test
    void globalMeanMatchesDjl() {
        GloCtmModel model = trained.model();
        List<Features> documents = heldOut.get(1);
        float[][] djl = model.meanGlobal(TrainedBilingualModel.globals(documents));
        assertWithinTolerance(djl, batched(documents, batch -> means(exported.infer(batch))));
    }

    @Test
    void localThetaMatchesDjlForEachLanguage() {
        GloCtmModel model = trained.model();
        List<String> languages = List.of("en", "zh");
        for (int l = 0; l < 2; l++) {
            List<Features> documents = heldOut.get(l);
            String lang = languages.get(l);
            float[][] djl = model.thetaLocal(l + 1, TrainedBilingualModel.bows(documents));
            assertWithinTolerance(djl, batched(documents, batch -> exported.inferLocal(lang, batch).thetaRows()));
        }
    }

    private static float[][] batched(List<Features> documents, Function<List<Features>, float[][]> run) {
        List<float[]> rows = new ArrayList<>();
        for (int start = 0; start < documents.size(); start += BATCH) {
            rows.addAll(List.of(run.apply(documents.subList(start, Math.min(documents.size(), start + BATCH)))));
        }
        return rows.toArray(float[][]::new);
    }

    private static float[][] means(EncoderOutput output) {
        float[][] rows = new float[output.size()][];
        for (int doc = 0; doc < rows.length; doc++) {
            rows[doc] = output.mean(doc);
        }
        return rows;
    }

    private static void assertWithinTolerance(float[][] expected, float[][] actual) {
        assertEquals(DOCUMENTS, expected.length);
        assertEquals(expected.length, actual.length);
        double worst = 0;
        for (int doc = 0; doc < expected.length; doc++) {
            assertEquals(TrainedBilingualModel.TOPICS, actual[doc].length);
            for (int k = 0; k < expected[doc].length; k++) {
                worst = Math.max(worst, Math.abs(expected[doc][k] - actual[doc][k]));
            }
        }
        assertTrue(worst <= TOLERANCE, "max |DJL - ONNX| = " + worst);
    }

    private static double maxAbsDistance(float[] values, float from) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v - from));
        }
        return max;
    }
}
