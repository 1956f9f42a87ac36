package io.glostream.trainer.embeddings;

import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bilingual dictionary of {@code foreign<TAB>english} lines (the non-English word first, as in both
 * shared dictionaries). Lookups go both ways; entry order is kept so results are deterministic.
 */
public final class BilingualDictionary {

    private final Map<String, Set<String>> foreignToEnglish;
    private final Map<String, Set<String>> englishToForeign;
    private final int entries;

    private BilingualDictionary(Map<String, Set<String>> f2e, Map<String, Set<String>> e2f, int entries) {
        this.foreignToEnglish = f2e;
        this.englishToForeign = e2f;
        this.entries = entries;
    }

    public static BilingualDictionary load(Path path) {
        List<String[]> pairs = new ArrayList<>();
        try (BufferedReader reader = TextFiles.open(path)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new CorpusFormatException(path + ":" + lineNo
                            + ": expected \"foreign<TAB>english\", got \"" + abbreviate(line) + "\"");
                }
                pairs.add(new String[] {parts[0].trim(), parts[1].trim()});
            }
        } catch (IOException e) {
            throw new CorpusFormatException(path + ": " + e.getMessage(), e);
        }
        if (pairs.isEmpty()) {
            throw new CorpusFormatException(path + ": no dictionary entries");
        }
        return of(pairs);
    }

    /** From {@code {foreign, english}} pairs. */
    public static BilingualDictionary of(List<String[]> pairs) {
        Map<String, Set<String>> f2e = new LinkedHashMap<>();
        Map<String, Set<String>> e2f = new LinkedHashMap<>();
        int entries = 0;
        for (String[] p : pairs) {
            if (f2e.computeIfAbsent(p[0], k -> new LinkedHashSet<>()).add(p[1])) {
                entries++;
            }
            e2f.computeIfAbsent(p[1], k -> new LinkedHashSet<>()).add(p[0]);
        }
        return new BilingualDictionary(f2e, e2f, entries);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** English translations of a foreign word (empty when unknown). */
    public Set<String> english(String foreign) {
        return Collections.unmodifiableSet(foreignToEnglish.getOrDefault(foreign, Set.of()));
    }

    /** Foreign translations of an English dictionary form (empty when unknown). */
    public Set<String> foreign(String english) {
        return Collections.unmodifiableSet(englishToForeign.getOrDefault(english, Set.of()));
    }

    /** Distinct (foreign, english) pairs. */
    public int entries() {
        return entries;
    }
}
