package io.glostream.trainer.model;

/**
 * The two languages' training corpora, checked against each other: bags of words of dimension V1 and V2,
 * augmented vectors of dimension V1 + V2 in both languages.
 *
 * @param language1 language 1's documents (the left block of the joint vocabulary)
 * @param language2 language 2's documents (the right block)
 */
public record TrainingData(LanguageCorpus language1, LanguageCorpus language2) {

    public TrainingData {
        if (language1 == null || language2 == null) {
            throw new IllegalArgumentException("both languages must be given");
        }
        if (Math.max(language1.size(), language2.size()) < 2) {
            throw new IllegalArgumentException("need at least 2 documents in one language (batch norm needs two)");
        }
        int vocab1 = language1.bow().get(0).dimension();
        int vocab2 = language2.bow().get(0).dimension();
        language1.checkDimensions(vocab1, vocab1 + vocab2, "language 1");
        language2.checkDimensions(vocab2, vocab1 + vocab2, "language 2");
    }

    /** Language 1 or 2. */
    public LanguageCorpus language(int language) {
        return switch (language) {
            case 1 -> language1;
            case 2 -> language2;
            default -> throw new IllegalArgumentException("language must be 1 or 2, got " + language);
        };
    }

    /** V1 or V2. */
    public int vocabSize(int language) {
        return language(language).bow().get(0).dimension();
    }
}
