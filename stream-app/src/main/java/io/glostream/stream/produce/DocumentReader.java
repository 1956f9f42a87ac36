package io.glostream.stream.produce;

import java.io.Closeable;
import java.io.IOException;

/** Reads documents from one input, record by record, so inputs of any size stream through. */
public interface DocumentReader extends Closeable {

    /** The next record, or null at the end of the input. Blank lines between records are skipped. */
    InputRecord next() throws IOException;

    /** How many lines of the input have been consumed so far, for progress. */
    long linesRead();
}
