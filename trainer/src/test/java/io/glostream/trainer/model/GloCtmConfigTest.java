package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GloCtmConfigTest {

    @Test
    void defaultsAreTheAuthorsSettings() {
        GloCtmConfig c = GloCtmConfig.defaults();

        assertEquals(50, c.numTopics());
        assertEquals(100, c.localHidden());
        assertEquals(200, c.globalHidden());
        assertEquals(0.0, c.dropout());
        assertEquals(1e-5, c.bnEps());
        assertEquals(0.1, c.bnMomentum());
        assertEquals(128, c.batchSize());
        assertEquals(0.002, c.learningRate());
        assertEquals(0.9, c.adamBeta1());
        assertEquals(0.999, c.adamBeta2());
        assertEquals(1e-8, c.adamEps());
        assertEquals(125, c.lrStepEpochs());
        assertEquals(0.5, c.lrGamma());
        assertEquals(150, c.epochs());
        assertEquals(ComputeDevice.CPU, c.device());
    }

    @Test
    void stepScheduleHalvesTheRateAfter125Epochs() {
        GloCtmConfig c = GloCtmConfig.defaults();

        assertEquals(0.002, c.learningRateAt(0), 1e-15);
        assertEquals(0.002, c.learningRateAt(124), 1e-15);
        assertEquals(0.001, c.learningRateAt(125), 1e-15);
        assertEquals(0.001, c.learningRateAt(149), 1e-15);
        assertEquals(0.0005, c.learningRateAt(250), 1e-15);
    }

    @Test
    void mapFormRoundTripsEveryField() {
        GloCtmConfig c = GloCtmConfig.builder().numTopics(7).dropout(0.2).lambdaKl(4).lambdaCka(450).seed(-3L)
                .epochs(9).device(ComputeDevice.GPU).adamEps(1.5e-7).ckaForm(CkaLossForm.ROOT).build();

        assertEquals(c, GloCtmConfig.fromMap(c.toMap()));
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void mapFormRefusesUnknownKeysAndBadNumbers() {
        Map<String, String> typo = new LinkedHashMap<>(Map.of("numTopic", "5"));
        Map<String, String> bad = new LinkedHashMap<>(Map.of("epochs", "many"));

        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.fromMap(typo));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.fromMap(bad));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    @Test
    void refusesSettingsTheModelCannotTrainWith() {
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().numTopics(0).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().batchSize(1).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().dropout(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().bnMomentum(0).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().learningRate(-1).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().lambdaCka(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().adamBeta2(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().device(null).build());
        assertThrows(IllegalArgumentException.class, () -> GloCtmConfig.builder().ckaForm(null).build());
    }

    @Test
    void deviceParsesCpuAndGpuOnly() {
        assertEquals(ComputeDevice.CPU, ComputeDevice.parse("cpu"));
        assertEquals(ComputeDevice.GPU, ComputeDevice.parse(" GPU "));
        assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse("tpu"));
    }
}
