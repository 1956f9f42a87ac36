package io.glostream.core.bundle;

import static io.glostream.core.bundle.NpyTestFiles.floats;
import static io.glostream.core.bundle.NpyTestFiles.ints;
import static io.glostream.core.bundle.NpyTestFiles.longs;
import static io.glostream.core.bundle.NpyTestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyArrayTest {

    @Test
    void readsNumericArraysOfEveryDtypeScipyWrites() throws IOException {
        assertArrayEquals(new float[] {1.5f, -2f}, NpyArray.parse("a", npy("<f4", "2,", floats(1.5f, -2f))).toFloats());
        assertArrayEquals(new int[] {7, 8}, NpyArray.parse("b", npy("<i8", "2,", longs(7, 8))).toInts());
        NpyArray matrix = NpyArray.parse("c", npy("<i4", "2, 3", ints(1, 2, 3, 4, 5, 6)));
        assertArrayEquals(new long[] {2, 3}, matrix.shape());
        assertEquals("csr", NpyArray.parse("d", npy("|S3", "", "csr".getBytes(StandardCharsets.US_ASCII))).toText());
    }

    @Test
    void refusesBadMagicTruncationAndFortranOrderNamingTheArray() {
        IOException magic = assertThrows(IOException.class,
                () -> NpyArray.parse("x.npy", "hello, not numpy".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("x.npy: not a NumPy .npy file", magic.getMessage());
        byte[] whole = npy("<f4", "4,", floats(1, 2, 3, 4));
        IOException truncated = assertThrows(IOException.class,
                () -> NpyArray.parse("t.npy", Arrays.copyOf(whole, whole.length - 3)));
        assertEquals("t.npy: shape (4,) needs 16 data bytes, the file has 13", truncated.getMessage());
        byte[] fortran = new String(npy("<f4", "1,", floats(1)), StandardCharsets.ISO_8859_1)
                .replace("False", "True ").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IOException.class, () -> NpyArray.parse("f", fortran));
        assertThrows(IOException.class, () -> NpyArray.parse("i", npy("<f4", "1,", floats(1))).toInts());
        assertThrows(IOException.class, () -> NpyArray.parse("u", npy("<c8", "1,", floats(1, 2))));
    }
}
