package io.glostream.bench.segmentation;

import io.glostream.core.features.BagOfWords;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How far serving's segmentation agrees with training's over a set of documents.
 *
 * @param documents          documents compared
 * @param segmentedDocuments documents whose text had spaces that raw Chinese would not have
 * @param training           vocabulary coverage of the training view (segmented text, training analyzer)
 * @param serving            coverage of the serving view (de-spaced text, the language's tokenizer)
 * @param unsegmented        coverage of the de-spaced text through the training analyzer unchanged
 * @param comparableDocuments documents with at least one in-vocabulary training token; recall and cosine
 *                            are taken over these
 * @param sharedTokens       in-vocabulary training tokens that serving also produced (multiset, summed)
 * @param recall             {@code sharedTokens} over all in-vocabulary training tokens
 * @param recallPerDocument  the distribution of each document's recall
 * @param cosine             the distribution of each document's cosine between the two bags of words
 */
public record AgreementSummary(int documents, int segmentedDocuments, Coverage training, Coverage serving,
                               Coverage unsegmented, int comparableDocuments, long sharedTokens, double recall,
                               Distribution recallPerDocument, Distribution cosine) {

    /**
     * How many of a view's tokens the vocabulary knows.
     *
     * @param tokens                 all tokens
     * @param knownTokens            tokens in the vocabulary
     * @param knownShare             {@code knownTokens / tokens}, token-weighted; 0 without tokens
     * @param knownSharePerDocument  the distribution of each document's share, over documents with tokens;
     *                               null when no document has one
     * @param documentsWithoutTokens documents the view gave no token at all
     */
    public record Coverage(long tokens, long knownTokens, double knownShare, Distribution knownSharePerDocument,
                           int documentsWithoutTokens) {

        /** Mean of the per-document shares; NaN when no document has a token. */
        public double meanSharePerDocument() {
            return knownSharePerDocument == null ? Double.NaN : knownSharePerDocument.mean();
        }

        static Coverage of(List<DocumentAgreement> documents, Function<DocumentAgreement, BagOfWords> view) {
            long tokens = 0;
            long known = 0;
            double[] shares = new double[documents.size()];
            int withTokens = 0;
            for (DocumentAgreement doc : documents) {
                BagOfWords bow = view.apply(doc);
                tokens += bow.tokens();
                known += bow.tokens() - bow.oovTokens();
                if (bow.tokens() > 0) {
                    shares[withTokens++] = 1.0 - bow.oovRate();
                }
            }
            if (withTokens == 0) {
                return new Coverage(0, 0, 0, null, documents.size());
            }
            return new Coverage(tokens, known, (double) known / tokens,
                    Distribution.of(Arrays.copyOf(shares, withTokens)), documents.size() - withTokens);
        }
    }

    /**
     * Summarises {@code documents}.
     *
     * @throws IllegalArgumentException when no document has an in-vocabulary training token
     */
    public static AgreementSummary of(List<DocumentAgreement> documents) {
        List<DocumentAgreement> comparable = documents.stream().filter(DocumentAgreement::comparable).toList();
        if (comparable.isEmpty()) {
            throw new IllegalArgumentException("no document has an in-vocabulary training token");
        }
        long shared = 0;
        long trainingKnown = 0;
        double[] recalls = new double[comparable.size()];
        double[] cosines = new double[comparable.size()];
        for (int d = 0; d < comparable.size(); d++) {
            DocumentAgreement doc = comparable.get(d);
            shared += doc.sharedTokens();
            trainingKnown += doc.trainingKnownTokens();
            recalls[d] = doc.recall();
            cosines[d] = doc.cosine();
        }
        int segmented = (int) documents.stream().filter(doc -> doc.despaced().wasSegmented()).count();
        return new AgreementSummary(documents.size(), segmented, Coverage.of(documents, DocumentAgreement::training),
                Coverage.of(documents, DocumentAgreement::serving), Coverage.of(documents, DocumentAgreement::unsegmented),
                comparable.size(), shared, (double) shared / trainingKnown, Distribution.of(recalls),
                Distribution.of(cosines));
    }
}
