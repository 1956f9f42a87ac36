package io.glostream.stream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.core.model.TopicModel;
import io.glostream.stream.testing.SampleBundles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelHolderTest {

    @TempDir
    Path dir;

    @Test
    void aLeaseKeepsItsModelAcrossASwapAndTheOldModelClosesWhenTheLeaseEnds() throws Exception {
        try (ModelHolder holder = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE))) {
            ModelHolder.Lease inFlight = holder.lease();
            TopicModel old = inFlight.model();
            holder.swap(TopicModel.load(SampleBundles.copyWithVersion(dir.resolve("v2"), "sample-2")));
            assertEquals("sample-2", holder.version());
            assertEquals("sample-1", inFlight.model().version());
            old.infer(List.of(old.featurizer().featurize("en", "stock market")));
            inFlight.close();
            assertThrows(IllegalStateException.class, inFlight::model);
            assertThrows(RuntimeException.class, () -> old.infer(List.of(old.featurizer().featurize("en", "stock"))));
            try (ModelHolder.Lease next = holder.lease()) {
                assertEquals("sample-2", next.model().version());
            }
        }
    }

    @Test
    void closingALeaseTwiceReleasesItOnce() throws Exception {
        try (ModelHolder holder = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE))) {
            ModelHolder.Lease first = holder.lease();
            ModelHolder.Lease second = holder.lease();
            first.close();
            first.close();
            assertEquals("sample-1", second.model().version());
            second.close();
        }
    }

    @Test
    void aServingModelClosesOnlyAfterItsLastRelease() throws Exception {
        ServingModel serving = new ServingModel(TopicModel.load(SampleBundles.SAMPLE));
        assertTrue(serving.acquire());
        serving.release();
        assertFalse(serving.closed());
        serving.release();
        assertTrue(serving.closed());
        assertFalse(serving.acquire());
        assertThrows(IllegalStateException.class, serving::release);
    }

    @Test
    void aClosedHolderRefusesLeasesAndSwaps() throws Exception {
        ModelHolder holder = new ModelHolder(TopicModel.load(SampleBundles.SAMPLE));
        holder.close();
        assertThrows(IllegalStateException.class, holder::lease);
        TopicModel late = TopicModel.load(SampleBundles.SAMPLE);
        assertThrows(IllegalStateException.class, () -> holder.swap(late));
        assertThrows(RuntimeException.class, () -> late.infer(List.of(late.featurizer().featurize("en", "stock"))));
    }
}
