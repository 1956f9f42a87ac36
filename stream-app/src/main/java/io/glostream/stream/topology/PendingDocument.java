package io.glostream.stream.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A validated input record waiting in the batch buffer: the language it will be analysed in and the
 * record exactly as it arrived (key, value, timestamp), so the buffer can be rebuilt from its changelog
 * after a crash and a late failure can still dead-letter the original bytes.
 */
public record PendingDocument(String lang, long timestamp, byte[] key, byte[] value) {

    private static final int FORMAT = 1;

    /** The buffer's stored form. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(lang);
            out.writeLong(timestamp);
            writeBytes(out, key);
            writeBytes(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException if {@code stored} is not the stored form of a pending document
     */
    public static PendingDocument decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("buffered document of unknown format " + format);
            }
            String lang = in.readUTF();
            long timestamp = in.readLong();
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            if (value == null || in.available() > 0) {
                throw new IllegalArgumentException("buffered document is malformed");
            }
            return new PendingDocument(lang, timestamp, key, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("buffered document is truncated", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.write(data);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < -1 || length > in.available()) {
            throw new IOException("length " + length + " out of range");
        }
        return length < 0 ? null : in.readNBytes(length);
    }
}
