package io.glostream.trainer.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    /** A version-1 .npy file as numpy writes it: magic, version, header padded to 64 bytes, data. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static byte[] ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : v) {
            b.putInt(i);
        }
        return b.array();
    }

    static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : v) {
            b.putLong(l);
        }
        return b.array();
    }

    private Path npz(String format, byte[] data, byte[] indices, int indptrLength, byte[] indptr, long rows, long cols)
            throws IOException {
        Path file = dir.resolve(format + ".npz");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "data.npy", npy("<f4", (data.length / 4) + ",", data));
            put(zip, "indices.npy", npy("<i4", (indices.length / 4) + ",", indices));
            put(zip, "indptr.npy", npy("<i4", indptrLength + ",", indptr));
            put(zip, "shape.npy", npy("<i8", "2,", longs(rows, cols)));
            put(zip, "format.npy", npy("|S3", "", format.getBytes(StandardCharsets.US_ASCII)));
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void readsNumericArraysOfEveryDtypeScipyWrites() {
        assertArrayEquals(new float[] {1.5f, -2f}, NpyArray.parse("a", npy("<f4", "2,", floats(1.5f, -2f))).toFloats());
        assertArrayEquals(new int[] {7, 8}, NpyArray.parse("b", npy("<i8", "2,", longs(7, 8))).toInts());
        NpyArray matrix = NpyArray.parse("c", npy("<i4", "2, 3", ints(1, 2, 3, 4, 5, 6)));
        assertArrayEquals(new long[] {2, 3}, matrix.shape());
        assertEquals("csr", NpyArray.parse("d", npy("|S3", "", "csr".getBytes(StandardCharsets.US_ASCII))).toText());
    }

    @Test
    void refusesBadMagicTruncationAndFortranOrder() {
        assertThrows(CorpusFormatException.class, () -> NpyArray.parse("x", "hello".getBytes(StandardCharsets.US_ASCII)));
        byte[] whole = npy("<f4", "4,", floats(1, 2, 3, 4));
        CorpusFormatException truncated = assertThrows(CorpusFormatException.class,
                () -> NpyArray.parse("t.npy", Arrays.copyOf(whole, whole.length - 3)));
        assertTrue(truncated.getMessage().startsWith("t.npy: truncated data"), truncated.getMessage());
        byte[] fortran = new String(npy("<f4", "1,", floats(1)), StandardCharsets.ISO_8859_1)
                .replace("False", "True ").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(CorpusFormatException.class, () -> NpyArray.parse("f", fortran));
        assertThrows(CorpusFormatException.class, () -> NpyArray.parse("i", npy("<f4", "1,", floats(1))).toInts());
    }

    @Test
    void densifiesCsrAndCscTheSameWay() throws IOException {
        // [[1, 0, 2],
        //  [0, 3, 0]]
        Path csr = npz("csr", floats(1, 2, 3), ints(0, 2, 1), 3, ints(0, 2, 3), 2, 3);
        Path csc = npz("csc", floats(1, 3, 2), ints(0, 1, 0), 4, ints(0, 1, 2, 3), 2, 3);
        float[] expected = {1, 0, 2, 0, 3, 0};
        assertArrayEquals(expected, SparseMatrixNpz.load(csr).toDense());
        assertArrayEquals(expected, SparseMatrixNpz.load(csc).toDense());
        assertArrayEquals(new float[] {0, 3, 0}, SparseMatrixNpz.load(csc).row(1));
    }

    @Test
    void refusesInconsistentSparseArrays() throws IOException {
        Path bad = npz("csr", floats(1, 2, 3), ints(0, 5, 1), 3, ints(0, 2, 3), 2, 3);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> SparseMatrixNpz.load(bad));
        assertTrue(e.getMessage().endsWith("index 5 outside [0, 3)"), e.getMessage());
        Path notZip = Files.writeString(dir.resolve("plain.npz"), "not a zip");
        assertThrows(CorpusFormatException.class, () -> SparseMatrixNpz.load(notZip));
    }
}
