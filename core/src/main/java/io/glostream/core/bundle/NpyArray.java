package io.glostream.core.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array in NumPy's {@code .npy} format (versions 1-3), C order, with the dtypes scipy sparse
 * matrices, embedding files and bundles use: little-endian float32/float64/int32/int64, and fixed-width
 * byte strings ({@code |S<n>}, read as text). Every refusal is an {@link IOException} whose message
 * starts with the array's name.
 */
public final class NpyArray {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final String name;
    private final String dtype;
    private final long[] shape;
    private final ByteBuffer data;

    private NpyArray(String name, String dtype, long[] shape, ByteBuffer data) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /** Parses a whole {@code .npy} file; {@code name} is used in error messages. */
    public static NpyArray parse(String name, byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            if (bytes.length < MAGIC.length + 4) {
                throw malformed(name, "not a NumPy .npy file");
            }
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw malformed(name, "not a NumPy .npy file");
            }
            int major = in.read();
            in.read();
            int headerLength;
            if (major == 1) {
                headerLength = (in.read() & 0xFF) | (in.read() & 0xFF) << 8;
            } else if (major == 2 || major == 3) {
                byte[] len = in.readNBytes(4);
                headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            } else {
                throw malformed(name, ".npy format " + major + " is not supported");
            }
            int offset = MAGIC.length + 2 + (major == 1 ? 2 : 4);
            if (headerLength < 0 || offset + headerLength > bytes.length) {
                throw malformed(name, "header runs past the end of the file");
            }
            String header = new String(bytes, offset, headerLength, major == 3 ? StandardCharsets.UTF_8
                    : StandardCharsets.ISO_8859_1);
            String dtype = group(DESCR, header, name, "descr");
            if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
                throw malformed(name, "Fortran order is not supported, only C order");
            }
            long[] shape = Arrays.stream(group(SHAPE, header, name, "shape").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
            if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw malformed(name, "shape " + shapeText(shape) + " has a negative dimension");
            }
            long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            int start = offset + headerLength;
            long expected = count * itemSize(dtype, name);
            if (bytes.length - start != expected) {
                throw malformed(name, "shape " + shapeText(shape) + " needs " + expected + " data bytes, the file has "
                        + (bytes.length - start));
            }
            ByteBuffer data = ByteBuffer.wrap(bytes, start, (int) expected).slice().order(ByteOrder.LITTLE_ENDIAN);
            return new NpyArray(name, dtype, shape, data);
        } catch (NumberFormatException e) {
            throw malformed(name, "malformed shape in the .npy header");
        }
    }

    private static IOException malformed(String name, String reason) {
        return new IOException(name + ": " + reason);
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String group(Pattern p, String header, String name, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw malformed(name, ".npy header lacks '" + key + "'");
        }
        return m.group(1);
    }

    private static int itemSize(String dtype, String name) throws IOException {
        return switch (dtype) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|u1", "|i1", "|b1" -> 1;
            default -> {
                if (dtype.startsWith("|S")) {
                    yield Integer.parseInt(dtype.substring(2));
                }
                throw malformed(name, "dtype " + dtype + " is not supported");
            }
        };
    }

    public String dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int length() throws IOException {
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (n > Integer.MAX_VALUE) {
            throw malformed(name, n + " elements is too many to load");
        }
        return (int) n;
    }

    /** Every element as a float, whatever the numeric dtype. */
    public float[] toFloats() throws IOException {
        int n = length();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case "<f4" -> data.getFloat(i * 4);
                case "<f8" -> (float) data.getDouble(i * 8);
                case "<i4" -> data.getInt(i * 4);
                case "<i8" -> data.getLong(i * 8);
                default -> throw malformed(name, "dtype " + dtype + " is not numeric");
            };
        }
        return out;
    }

    /** Every element as an int; refuses floats and values outside the int range. */
    public int[] toInts() throws IOException {
        int n = length();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long v = switch (dtype) {
                case "<i4" -> data.getInt(i * 4);
                case "<i8" -> data.getLong(i * 8);
                default -> throw malformed(name, "expected integers, got dtype " + dtype);
            };
            if (v != (int) v) {
                throw malformed(name, "value " + v + " at " + i + " does not fit an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** A scalar or 1-element byte string ({@code |S<n>}), without trailing NULs. */
    public String toText() throws IOException {
        if (!dtype.startsWith("|S")) {
            throw malformed(name, "expected a byte string, got dtype " + dtype);
        }
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
