package io.glostream.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EncoderWeightsTest {

    private final Random random = new Random(9);

    @Test
    void reportsInputHiddenAndTopicDimensions() {
        EncoderWeights weights = EncoderFixtures.randomWeights(1, 10, 4, 3);

        assertEquals(10, weights.inputDimension());
        assertEquals(4, weights.hiddenDimension());
        assertEquals(3, weights.topics());
    }

    @Test
    void refusesNonSquareSecondHiddenLayer() {
        LinearLayer first = EncoderFixtures.randomLayer(random, 10, 4);
        LinearLayer second = EncoderFixtures.randomLayer(random, 4, 5);
        LinearLayer mean = EncoderFixtures.randomLayer(random, 5, 3);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new EncoderWeights(first, second, mean));

        assertEquals("second hidden layer must be 4 x 4, got 4 x 5", refused.getMessage());
    }

    @Test
    void refusesMeanLayerThatDoesNotReadTheHiddenWidth() {
        LinearLayer first = EncoderFixtures.randomLayer(random, 10, 4);
        LinearLayer second = EncoderFixtures.randomLayer(random, 4, 4);
        LinearLayer mean = EncoderFixtures.randomLayer(random, 3, 3);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new EncoderWeights(first, second, mean));

        assertEquals("mean layer takes 3 inputs, hidden layers give 4", refused.getMessage());
    }

    @Test
    void linearLayerRefusesRaggedWeight() {
        float[][] ragged = {{1f, 2f}, {3f}};

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LinearLayer(ragged, new float[2]));

        assertEquals("weight row 1 has 1 columns, bias has 2", refused.getMessage());
    }

    @Test
    void linearLayerRefusesNonFiniteWeight() {
        float[][] weight = {{1f, Float.NaN}};

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LinearLayer(weight, new float[2]));

        assertEquals("weight row 0 holds a non-finite value at 1: NaN", refused.getMessage());
    }

    @Test
    void linearLayerRefusesEmptyWeight() {
        assertThrows(IllegalArgumentException.class, () -> new LinearLayer(new float[0][], new float[2]));
    }
}
