package io.glostream.stream.topology;

import io.glostream.core.features.Features;
import io.glostream.core.model.TopTopics;
import io.glostream.core.model.TopicModel;
import io.glostream.core.model.TopicWords;
import io.glostream.schemas.Document;
import io.glostream.schemas.DocumentTopics;
import io.glostream.schemas.TopicWeight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a document's output record: θ, its top topics with their words in every language, OOV rate, tokens, version. */
public final class TaggedDocuments {

    private static final int LABEL_WORDS = 3;

    private final int topTopics;
    private final int topicWords;

    /**
     * @param topTopics topics listed per document
     * @param topicWords words listed per listed topic and language
     */
    public TaggedDocuments(int topTopics, int topicWords) {
        if (topTopics < 1 || topicWords < 1) {
            throw new IllegalArgumentException("top topics and topic words must be positive, got " + topTopics
                    + " and " + topicWords);
        }
        this.topTopics = topTopics;
        this.topicWords = topicWords;
    }

    public DocumentTopics of(Document document, Features features, float[] theta, TopicModel model) {
        List<Float> thetaList = new ArrayList<>(theta.length);
        for (float weight : theta) {
            thetaList.add(weight);
        }
        List<TopicWeight> top = new ArrayList<>();
        for (int k : TopTopics.of(theta, topTopics)) {
            TopicWords words = model.topics().get(k);
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            for (String lang : model.languages()) {
                byLanguage.put(lang, words.words(lang, topicWords));
            }
            top.add(TopicWeight.newBuilder()
                    .setTopic(k)
                    .setWeight(theta[k])
                    .setLabel(TopTopics.label(words, LABEL_WORDS))
                    .setWords(byLanguage)
                    .build());
        }
        return DocumentTopics.newBuilder()
                .setId(document.getId())
                .setLang(features.lang())
                .setModelVersion(model.version())
                .setTheta(thetaList)
                .setTopTopics(top)
                .setOovRate((float) features.bow().oovRate())
                .setTokens(features.bow().tokens())
                .setTimestamp(document.getTimestamp())
                .build();
    }
}
