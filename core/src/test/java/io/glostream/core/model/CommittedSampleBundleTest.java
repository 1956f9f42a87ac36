package io.glostream.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glostream.core.bundle.ModelBundle;
import io.glostream.core.features.Features;
import io.glostream.core.features.SparseCounts;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderOutput;
import io.glostream.core.inference.GraphWeights;
import io.glostream.core.inference.OnnxEncoder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample bundle loads and serves, and so does a bundle the trainer wrote before encoders took sparse
 * input (the sample of that time, kept as a test resource): they guard the bundle format against drift.
 */
class CommittedSampleBundleTest {

    private static final Path BUNDLE = Path.of(System.getProperty("glostream.root", ".."), "sample", "bundle");
    private static final Path DENSE_BUNDLE = Path.of(System.getProperty("glostream.root", ".."), "core", "src", "test",
            "resources", "bundles", "dense-v1");
    private static final Path SAMPLE_DOCUMENTS = Path.of(System.getProperty("glostream.root", ".."), "sample",
            "ec_news");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void itsEncodersTakeSparseInput() throws Exception {
        try (ModelBundle bundle = ModelBundle.open(BUNDLE)) {
            for (String name : bundle.manifest().encoders().keySet()) {
                assertEquals(EncoderInput.SPARSE, bundle.manifest().encoders().get(name).input(), name);
                try (OnnxEncoder encoder = bundle.openEncoder(name)) {
                    assertEquals(EncoderInput.SPARSE, encoder.inputForm(), name);
                }
            }
        }
    }

    @Test
    void aBundleWithDenseEncodersKeepsLoadingAndServingAsSuch() throws Exception {
        try (TopicModel model = TopicModel.load(DENSE_BUNDLE)) {
            EncoderOutput out = model.infer(List.of(model.featurizer().featurize("en", "students college university")));
            double sum = 0;
            for (float p : out.theta(0)) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        try (ModelBundle bundle = ModelBundle.open(DENSE_BUNDLE)) {
            for (String name : bundle.manifest().encoders().keySet()) {
                assertEquals(EncoderInput.DENSE, bundle.manifest().encoders().get(name).input(), name);
                try (OnnxEncoder encoder = bundle.openEncoder(name)) {
                    assertEquals(EncoderInput.DENSE, encoder.inputForm(), name);
                }
            }
        }
    }

    @Test
    void aDenseGlobalEncoderRewrittenSparseGivesTheSameTopicsOnTheSampleTestDocuments(@TempDir Path dir)
            throws Exception {
        try (TopicModel model = TopicModel.load(DENSE_BUNDLE)) {
            ModelProto denseGraph;
            try (ModelBundle bundle = ModelBundle.open(DENSE_BUNDLE)) {
                denseGraph = ModelProto.parseFrom(Files.readAllBytes(bundle.file("encoder-global.onnx")));
            }
            Path sparseFile = dir.resolve("encoder-global-sparse.onnx");
            try (OutputStream out = Files.newOutputStream(sparseFile)) {
                EncoderGraphWriter.write(GraphWeights.of(denseGraph), EncoderInput.SPARSE, out);
            }
            List<Features> documents = new ArrayList<>();
            for (String lang : model.languages()) {
                for (String line : Files.readAllLines(SAMPLE_DOCUMENTS.resolve(lang + ".test.jsonl"))) {
                    documents.add(model.featurizer().featurize(lang, JSON.readTree(line).get("text").asText()));
                }
            }
            List<SparseCounts> inputs = documents.stream().map(Features::global).toList();
            assertEquals(300, inputs.size());
            assertTrue(inputs.stream().anyMatch(counts -> counts.nnz() == 0), "some sample documents are all OOV");

            EncoderOutput expected = model.infer(documents);
            EncoderOutput actual;
            try (OnnxEncoder sparse = OnnxEncoder.open(sparseFile)) {
                actual = sparse.infer(inputs);
            }

            double maxDiff = 0;
            for (int doc = 0; doc < inputs.size(); doc++) {
                float[] dense = expected.theta(doc);
                float[] fromSparse = actual.theta(doc);
                for (int k = 0; k < dense.length; k++) {
                    maxDiff = Math.max(maxDiff, Math.abs(dense[k] - fromSparse[k]));
                }
            }
            assertEquals(0, maxDiff, 1e-6, "max |theta dense - theta sparse| over the sample test documents");
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
