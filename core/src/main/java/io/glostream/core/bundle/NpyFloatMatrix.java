package io.glostream.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A float32 matrix in NumPy's {@code .npy} format 1.0: magic, version, a little-endian header length, a
 * Python-literal header ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, columns), }})
 * padded with spaces to a multiple of 64 bytes and ended by a newline, then the values little-endian in C
 * (row-major) order. {@code numpy.load} reads what {@link #writeTo} writes.
 *
 * @param rows number of rows, positive
 * @param columns number of columns, positive
 * @param values row-major, {@code rows * columns} finite or not (not copied)
 */
public record NpyFloatMatrix(int rows, int columns, float[] values) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE = MAGIC.length + 2 + 2;
    private static final int ALIGNMENT = 64;
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr'\\s*:\\s*'(?<descr>[^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(?<fortran>True|False)\\s*,"
                    + "\\s*'shape'\\s*:\\s*\\((?<shape>[^)]*)\\)\\s*,?\\s*}\\s*");

    public NpyFloatMatrix {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("matrix must have positive dimensions, got " + rows + " x " + columns);
        }
        if (values == null || values.length != (long) rows * columns) {
            throw new IllegalArgumentException("expected " + rows + " x " + columns + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }

    /** The value at {@code (row, column)}. */
    public float get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside " + rows + " x " + columns);
        }
        return values[row * columns + column];
    }

    /** Writes the matrix in {@code .npy} format 1.0, leaving {@code out} open. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(header(rows, columns));
        ByteBuffer chunk = ByteBuffer.allocate(Float.BYTES * Math.min(values.length, 1 << 16))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putFloat(value);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /**
     * Reads a two-dimensional little-endian float32 C-order {@code .npy} file.
     *
     * @throws IOException naming the file if it is unreadable, not {@code .npy}, of another type, order or
     *     rank, or if its data is shorter or longer than its shape
     */
    public static NpyFloatMatrix read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < PREAMBLE || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw malformed(file, "not a NumPy .npy file");
        }
        if (bytes[6] != 1) {
            throw malformed(file, ".npy format " + bytes[6] + "." + bytes[7] + " is not supported, only 1.0");
        }
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        if (PREAMBLE + headerLength > bytes.length) {
            throw malformed(file, "header runs past the end of the file");
        }
        String header = new String(bytes, PREAMBLE, headerLength, StandardCharsets.ISO_8859_1);
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw malformed(file, "unreadable header " + header.strip());
        }
        if (!matcher.group("descr").equals("<f4")) {
            throw malformed(file, "dtype " + matcher.group("descr") + " is not little-endian float32 ('<f4')");
        }
        if (matcher.group("fortran").equals("True")) {
            throw malformed(file, "Fortran order is not supported, only C order");
        }
        int[] shape = parseShape(file, matcher.group("shape"));
        long expected = (long) shape[0] * shape[1] * Float.BYTES;
        long actual = bytes.length - PREAMBLE - headerLength;
        if (actual != expected) {
            throw malformed(file, "shape (" + shape[0] + ", " + shape[1] + ") needs " + expected
                    + " data bytes, the file has " + actual);
        }
        float[] values = new float[shape[0] * shape[1]];
        ByteBuffer.wrap(bytes, PREAMBLE + headerLength, (int) actual).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(values);
        return new NpyFloatMatrix(shape[0], shape[1], values);
    }

    private static int[] parseShape(Path file, String shape) throws IOException {
        String[] parts = shape.split(",", -1);
        int dims = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        if (dims != 2) {
            throw malformed(file, "shape (" + shape + ") is not two-dimensional");
        }
        int[] result = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                result[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw malformed(file, "shape (" + shape + ") is not two integers");
            }
            if (result[i] <= 0) {
                throw malformed(file, "shape (" + shape + ") has a dimension that is not positive");
            }
        }
        if ((long) result[0] * result[1] > Integer.MAX_VALUE) {
            throw malformed(file, "shape (" + shape + ") is too large for one array");
        }
        return result;
    }

    private static byte[] header(int rows, int columns) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(PREAMBLE + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
