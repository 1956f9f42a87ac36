package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glostream.core.features.Features;
import io.glostream.core.inference.EncoderOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed sample bundle still loads and serves: it guards the bundle format against drift. */
class CommittedSampleBundleTest {

    private static final Path BUNDLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "bundle");

    @Test
    void loadsAndTagsDocumentsInBothLanguages() throws Exception {
        try (TopicModel model = TopicModel.load(BUNDLE)) {
            assertEquals(List.of("en", "zh"), model.languages());
            assertEquals("sample-1", model.version());
            assertEquals(10, model.numTopics());
            List<Features> docs = List.of(
                    model.featurizer().featurize("en", "students college university campus teachers"),
                    model.featurizer().featurize("zh", "学生 高考 考生 大学"));
            EncoderOutput out = model.infer(docs);
            for (int doc = 0; doc < docs.size(); doc++) {
                double sum = 0;
                for (float p : out.theta(doc)) {
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-5);
            }
            assertEquals(topTopic(out.theta(0)), topTopic(out.theta(1)),
                    "an English and a Chinese document about students share their main topic");
        }
    }

    private static int topTopic(float[] theta) {
        int best = 0;
        for (int k = 1; k < theta.length; k++) {
            if (theta[k] > theta[best]) {
                best = k;
            }
        }
        return best;
    }
}
