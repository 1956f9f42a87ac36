package io.glostream.stream.produce;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text read character by character or line by line, with a leading byte-order mark dropped (as
 * spreadsheet exports write it), {@code \r\n} and a lone {@code \r} read as {@code \n}, and malformed bytes
 * reported, naming their line, rather than replaced. Counts the lines it has passed.
 *
 * <p>Bytes are decoded one line at a time (a line feed byte never occurs inside a multi-byte UTF-8 character),
 * so a decoding error names the line it is on.
 */
final class LineSource implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int NONE = -2;

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream rawLine = new ByteArrayOutputStream();
    private String decodedLine = "";
    private int position;
    private long rawLines;
    private long line = 1;
    private boolean started;
    private int afterCarriageReturn = NONE;
    private int peeked = NONE;
    private boolean lineHasText;
    private boolean ended;

    LineSource(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next character, -1 at the end. */
    int read() throws IOException {
        int c = peeked != NONE ? peeked : normalized();
        peeked = NONE;
        if (c == '\n') {
            line++;
            lineHasText = false;
        } else if (c == -1) {
            if (!ended && lineHasText) {
                line++;
            }
            ended = true;
        } else {
            lineHasText = true;
        }
        return c;
    }

    /** The character {@link #read} will return next, without consuming it. */
    int peek() throws IOException {
        if (peeked == NONE) {
            peeked = normalized();
        }
        return peeked;
    }

    /** The rest of the current line without its terminator, or null at the end of the input. */
    String readLine() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        while (c != -1 && c != '\n') {
            text.append((char) c);
            c = read();
        }
        return text.toString();
    }

    /** The line the next character is on (1-based). */
    long line() {
        return line;
    }

    /** Lines passed so far, counting a last line without terminator once the input has ended. */
    long linesRead() {
        return line - 1;
    }

    private int normalized() throws IOException {
        int c;
        if (afterCarriageReturn != NONE) {
            c = afterCarriageReturn;
            afterCarriageReturn = NONE;
        } else {
            c = decoded();
        }
        if (!started) {
            started = true;
            if (c == BYTE_ORDER_MARK) {
                c = decoded();
            }
        }
        if (c == '\r') {
            int after = decoded();
            if (after != '\n') {
                afterCarriageReturn = after;
            }
            c = '\n';
        }
        return c;
    }

    private int decoded() throws IOException {
        if (position == decodedLine.length() && !decodeNextLine()) {
            return -1;
        }
        return decodedLine.charAt(position++);
    }

    /** Decodes the bytes up to and including the next line feed; false at the end of the input. */
    private boolean decodeNextLine() throws IOException {
        rawLine.reset();
        int b;
        while ((b = in.read()) != -1) {
            rawLine.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (rawLine.size() == 0) {
            return false;
        }
        rawLines++;
        try {
            decodedLine = utf8.decode(ByteBuffer.wrap(rawLine.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("line " + rawLines + " is not UTF-8 text", e);
        }
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
