package io.glostream.trainer.embeddings;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The forms under which an English vocabulary word may appear on the English side of a dictionary: the
 * word itself and its Porter stem, since the shared zh–en dictionary is Porter-stemmed while benchmark
 * vocabularies are not.
 */
public final class EnglishDictionaryForms {

    private final PorterStemmer stemmer = new PorterStemmer();

    /** Not thread-safe (the Snowball stemmer keeps state); use one instance per thread. */
    public Set<String> of(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lower);
        stemmer.setCurrent(lower);
        stemmer.stem();
        forms.add(stemmer.getCurrent());
        return forms;
    }
}
