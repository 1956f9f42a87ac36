package io.glostream.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFloatMatrixTest {

    /** 10 bytes of magic, version and length, the 59-character dict and a newline, padded to 2 x 64 bytes. */
    private static final int PADDING = 128 - 10 - 59 - 1;

    @TempDir
    Path dir;

    @Test
    void writesNumPysFormatOneHeaderPaddedTo64BytesThenLittleEndianFloats() throws IOException {
        byte[] bytes = bytesOf(new NpyFloatMatrix(2, 3, new float[] {1, 2, 3, 4, 5, 6.5f}));

        assertEquals(128 + 6 * 4, bytes.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(bytes, 10));
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(PADDING) + "\n", header);
        // 6.5f = 0x40D00000, little-endian
        assertArrayEquals(new byte[] {0, 0, (byte) 0xD0, 0x40}, Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        float[] values = {0.25f, -1f, Float.MIN_VALUE, 3e7f, 7f, -0f};
        Path file = write(new NpyFloatMatrix(3, 2, values));
        NpyFloatMatrix read = NpyFloatMatrix.read(file);
        assertEquals(3, read.rows());
        assertEquals(2, read.columns());
        assertArrayEquals(values, read.values());
        assertEquals(3e7f, read.get(1, 1));
    }

    @Test
    void refusesAnotherDtype() throws IOException {
        Path file = withHeader("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 1), }", 4);
        IOException e = assertThrows(IOException.class, () -> NpyFloatMatrix.read(file));
        assertTrue(e.getMessage().contains("dtype >f4 is not supported"), e.getMessage());
    }

    @Test
    void refusesFortranOrder() throws IOException {
        Path file = withHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", 4);
        IOException e = assertThrows(IOException.class, () -> NpyFloatMatrix.read(file));
        assertTrue(e.getMessage().contains("Fortran order"), e.getMessage());
    }

    @Test
    void refusesAShapeThatIsNotTwoDimensional() throws IOException {
        Path file = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", 16);
        IOException e = assertThrows(IOException.class, () -> NpyFloatMatrix.read(file));
        assertTrue(e.getMessage().contains("is not two-dimensional"), e.getMessage());
    }

    @Test
    void refusesDataShorterThanTheShape() throws IOException {
        Path file = write(new NpyFloatMatrix(2, 2, new float[4]));
        Tampering.truncate(file, 1);
        IOException e = assertThrows(IOException.class, () -> NpyFloatMatrix.read(file));
        assertTrue(e.getMessage().endsWith("shape (2, 2) needs 16 data bytes, the file has 15"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotNpy() throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "hello, world");
        IOException e = assertThrows(IOException.class, () -> NpyFloatMatrix.read(file));
        assertTrue(e.getMessage().endsWith("not a NumPy .npy file"), e.getMessage());
    }

    private Path write(NpyFloatMatrix matrix) throws IOException {
        Path file = dir.resolve("m.npy");
        Files.write(file, bytesOf(matrix));
        return file;
    }

    private Path withHeader(String dict, int dataBytes) throws IOException {
        String header = dict + " ".repeat(127 - 10 - dict.length()) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[dataBytes]);
        Path file = dir.resolve("h.npy");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static byte[] bytesOf(NpyFloatMatrix matrix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        matrix.writeTo(out);
        return out.toByteArray();
    }
}
