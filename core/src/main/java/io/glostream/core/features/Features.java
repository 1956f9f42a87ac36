package io.glostream.core.features;

/**
 * What featurisation makes of one document: its language (canonical code and position in the model's
 * {@code [lang1 | lang2]} layout), its local bag-of-words {@code x} with the OOV count, and its global
 * polyglot-augmented input {@code g} over the joint vocabulary.
 */
public record Features(String lang, int languageIndex, BagOfWords bow, SparseCounts global) {
}
