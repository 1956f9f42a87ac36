package io.glostream.trainer.eval;

import io.glostream.trainer.corpus.CorpusFormatException;
import io.glostream.trainer.corpus.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A reference corpus directory of aligned document pairs: one document per line, tokens separated by
 * whitespace, line {@code i} of a first-language file aligned with line {@code i} of its second-language
 * file. Files may be gzip-compressed ({@code .txt.gz}). Two layouts are recognised:
 * <ul>
 *   <li>{@link Layout#PAIRED_FILES}: {@code <lang1>.txt} and {@code <lang2>.txt};</li>
 *   <li>{@link Layout#OFFICIAL_CHUNKS}: the CNPMI repository's {@code ref_corpus/wikicomp-2014_enzh/},
 *   chunk files {@code <name>_<lang1>.txt} each with a partner {@code <name>_<lang2>.txt}, for example
 *   {@code wikicomp-2014_enzh.xml_1-20000_en.txt} and {@code wikicomp-2014_enzh.xml_1-20000_zh.txt}.</li>
 * </ul>
 * Files are read when {@link #forEachPair} runs, once per call.
 */
public final class ReferenceCorpusFiles implements AlignedCorpus {

    /** How the directory lays out its files. */
    public enum Layout { PAIRED_FILES, OFFICIAL_CHUNKS }

    private static final String[] EXTENSIONS = {".txt", ".txt.gz"};

    private final String lang1;
    private final String lang2;
    private final Layout layout;
    private final List<Path[]> filePairs;

    private ReferenceCorpusFiles(String lang1, String lang2, Layout layout, List<Path[]> filePairs) {
        this.lang1 = lang1;
        this.lang2 = lang2;
        this.layout = layout;
        this.filePairs = filePairs;
    }

    /**
     * Finds the aligned files of {@code lang1} and {@code lang2} in {@code directory}, preferring
     * {@code <lang1>.txt} and {@code <lang2>.txt} when both exist.
     *
     * @throws CorpusFormatException if the directory holds neither layout, or a chunk lacks its partner
     */
    public static ReferenceCorpusFiles open(Path directory, String lang1, String lang2) {
        Objects.requireNonNull(directory, "directory");
        checkLanguage(lang1);
        checkLanguage(lang2);
        if (lang1.equals(lang2)) {
            throw new IllegalArgumentException("the two languages must differ, got " + lang1 + " twice");
        }
        if (!Files.isDirectory(directory)) {
            throw new CorpusFormatException(directory + ": not a directory");
        }
        Path whole1 = existing(directory, lang1);
        Path whole2 = existing(directory, lang2);
        if (whole1 != null && whole2 != null) {
            return new ReferenceCorpusFiles(lang1, lang2, Layout.PAIRED_FILES, List.<Path[]>of(new Path[] {whole1, whole2}));
        }
        List<Path[]> chunks = officialChunks(directory, lang1, lang2);
        if (chunks.isEmpty()) {
            throw new CorpusFormatException(directory + ": holds neither " + lang1 + ".txt and " + lang2
                    + ".txt nor chunk files *_" + lang1 + ".txt with partners *_" + lang2 + ".txt");
        }
        return new ReferenceCorpusFiles(lang1, lang2, Layout.OFFICIAL_CHUNKS, chunks);
    }

    @Override
    public String lang1() {
        return lang1;
    }

    @Override
    public String lang2() {
        return lang2;
    }

    public Layout layout() {
        return layout;
    }

    /** The aligned files, first-language file then second-language file, chunks in name order. */
    public List<Path[]> filePairs() {
        List<Path[]> copy = new ArrayList<>();
        filePairs.forEach(pair -> copy.add(pair.clone()));
        return copy;
    }

    /**
     * @throws CorpusFormatException if two aligned files differ in line count or hold malformed UTF-8
     */
    @Override
    public void forEachPair(BiConsumer<String, String> visitor) {
        for (Path[] pair : filePairs) {
            try (BufferedReader first = TextFiles.open(pair[0]); BufferedReader second = TextFiles.open(pair[1])) {
                long line = 0;
                while (true) {
                    String doc1 = first.readLine();
                    String doc2 = second.readLine();
                    if (doc1 == null && doc2 == null) {
                        break;
                    }
                    if (doc1 == null || doc2 == null) {
                        Path longer = doc1 == null ? pair[1] : pair[0];
                        throw new CorpusFormatException(longer + ": has more lines than its aligned partner ("
                                + line + " pairs read); aligned files must have equal line counts");
                    }
                    line++;
                    visitor.accept(doc1, doc2);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + pair[0] + " and " + pair[1], e);
            }
        }
    }

    private static List<Path[]> officialChunks(Path directory, String lang1, String lang2) {
        List<Path[]> chunks = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                for (String extension : EXTENSIONS) {
                    String suffix = "_" + lang1 + extension;
                    if (name.endsWith(suffix) && name.length() > suffix.length()) {
                        String prefix = name.substring(0, name.length() - suffix.length());
                        Path partner = existing(directory, prefix + "_" + lang2);
                        if (partner == null) {
                            throw new CorpusFormatException(file + ": no aligned " + lang2 + " chunk " + prefix + "_"
                                    + lang2 + ".txt beside it");
                        }
                        chunks.add(new Path[] {file, partner});
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + directory, e);
        }
        return chunks;
    }

    private static Path existing(Path directory, String stem) {
        for (String extension : EXTENSIONS) {
            Path candidate = directory.resolve(stem + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void checkLanguage(String lang) {
        if (lang == null || !lang.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("language must be an ISO 639 code such as en, zh, ja; got " + lang);
        }
    }
}
