package io.glostream.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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

    private static final int PREAMBLE = NpyArray.MAGIC.length + 2 + 2;
    private static final int ALIGNMENT = 64;

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
        NpyArray array = NpyArray.parse(file.toString(), Files.readAllBytes(file));
        if (!array.dtype().equals("<f4")) {
            throw malformed(file, "dtype " + array.dtype() + " is not little-endian float32 ('<f4')");
        }
        long[] shape = array.shape();
        if (shape.length != 2) {
            throw malformed(file, "shape " + Arrays.toString(shape) + " is not two-dimensional");
        }
        if (shape[0] <= 0 || shape[1] <= 0) {
            throw malformed(file, "shape " + Arrays.toString(shape) + " has a dimension that is not positive");
        }
        return new NpyFloatMatrix((int) shape[0], (int) shape[1], array.toFloats());
    }

    private static byte[] header(int rows, int columns) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer header = ByteBuffer.allocate(PREAMBLE + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        header.put(NpyArray.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        header.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
