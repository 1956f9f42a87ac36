package io.glostream.trainer.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens UTF-8 text files, gzip-compressed or not, refusing malformed UTF-8 instead of guessing. */
public final class TextFiles {

    private TextFiles() {
    }

    /** The first of {@code candidates} that exists (a file may come compressed or not), else the first. */
    public static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return candidates[0];
    }

    public static BufferedReader open(Path path) {
        try {
            InputStream in = Files.newInputStream(path);
            if (path.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new CorpusFormatException(path + ": no such file");
        } catch (IOException e) {
            throw new CorpusFormatException(path + ": cannot open (" + e.getMessage() + ")", e);
        }
    }
}
