package io.glostream.trainer.eval;

/** Which word counts CNPMI puts in {@code p(w1)} and {@code p(w2)}; the pair count is the same in both. */
public enum CnpmiCounting {

    /**
     * As the official script {@code CNPMI.py} (BobXWu/CNPMI) does, so scores compare with published ones:
     * a word's count is its total number of occurrences in its language's documents (the column sums of
     * a count matrix), not the number of documents holding it, so {@code p(w)} can exceed 1. The script
     * keeps word counts in one dictionary keyed by the bare word and fills it with the second language
     * last: a first-language top word that is spelled like one of the second language's top words takes
     * the second language's count. That is kept too.
     */
    OFFICIAL_SCRIPT,

    /**
     * Textbook document co-occurrence: {@code p(w)} is the share of pairs whose document in the word's
     * language contains it, each language counted on its own side.
     */
    DOCUMENT_FREQUENCY
}
