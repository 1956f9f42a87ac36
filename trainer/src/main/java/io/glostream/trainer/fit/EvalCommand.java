package io.glostream.trainer.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.glostream.core.features.Features;
import io.glostream.core.model.TopicModel;
import io.glostream.trainer.eval.Evaluation;
import io.glostream.trainer.eval.HtmlReport;
import io.glostream.trainer.eval.ReferenceCorpusFiles;
import io.glostream.trainer.prepare.CorpusPreparation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: scores a model bundle on a corpus exactly as it will serve: documents featurised by the
 * bundle's own featurizer and theta from its ONNX global encoder.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model bundle on a labelled bilingual corpus: TU, NPMI, CNPMI (with --ref-corpus),",
                "TQ and SVM classification within and across languages, as JSON and an HTML report."})
public final class EvalCommand implements Callable<Integer> {

    private static final int BATCH = 512;

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions data;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "Model bundle (directory or zip).")
    Path model;

    @Option(names = "--ref-corpus", paramLabel = "DIR", description = "Aligned reference corpus for CNPMI.")
    Path refCorpus;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "Where the evaluation JSON goes.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write an HTML report.")
    Path report;

    @Override
    public Integer call() throws IOException {
        try (TopicModel topicModel = TopicModel.load(model)) {
            BilingualCorpus corpus = BilingualCorpus.load(data.data, topicModel.languages(), data.dict, data.vectors,
                    data.alignedVectors, data.pretokenized, data.maxDocs);
            List<ModelEvaluation.Split> splits = new ArrayList<>();
            for (int l = 0; l < 2; l++) {
                BilingualCorpus.Side side = corpus.sides().get(l);
                splits.add(new ModelEvaluation.Split(side.train(),
                        CorpusPreparation.featurize(topicModel.featurizer(), l, side.train()), side.test(),
                        CorpusPreparation.featurize(topicModel.featurizer(), l, side.test())));
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("model", topicModel.manifest().modelName());
            provenance.put("modelVersion", topicModel.version());
            provenance.put("dataset", corpus.name());
            provenance.put("theta", "ONNX global encoder on the polyglot-augmented input");
            Evaluation evaluation = ModelEvaluation.evaluate((l, docs) -> theta(topicModel, docs),
                    (l, docs) -> localMeans(topicModel, l, docs), topicModel.featurizer(), topicModel.topics(), splits,
                    refCorpus == null ? null : ReferenceCorpusFiles.open(refCorpus, corpus.languages().get(0),
                            corpus.languages().get(1)), provenance);
            OutputFiles.createParentDirectories(json);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.toFile(), new ObjectMapper().readTree(evaluation.report().toJson()));
            if (report != null) {
                OutputFiles.createParentDirectories(report);
                HtmlReport.write(report, evaluation);
            }
            spec.commandLine().getOut().print(evaluation.report().toText());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The served theta: the global encoder on each document's polyglot-augmented input. */
    private static float[][] theta(TopicModel model, List<Features> docs) {
        return inBatches(docs, batch -> model.infer(batch).thetaRows());
    }

    /** The pre-softmax means of language {@code l}'s local encoder, the features the authors classify. */
    private static float[][] localMeans(TopicModel model, int l, List<Features> docs) {
        String lang = model.languages().get(l);
        return inBatches(docs, batch -> model.inferLocal(lang, batch).meanRows());
    }

    private static float[][] inBatches(List<Features> docs, Function<List<Features>, float[][]> rowsOfBatch) {
        float[][] out = new float[docs.size()][];
        for (int from = 0; from < docs.size(); from += BATCH) {
            float[][] rows = rowsOfBatch.apply(docs.subList(from, Math.min(docs.size(), from + BATCH)));
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }
}
