package io.glostream.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A training checkpoint in a small binary format (big-endian, {@link DataOutputStream} conventions):
 * magic and format version; the configuration as name/value text; V1, V2, completed epochs and Adam's step
 * count; then every named float array (parameters, batch-norm running statistics, Adam's moments) with its
 * shape; then the CRC-32 of everything before it, as a long. Reading checks that names and shapes are exactly
 * those of the model the configuration builds and that the CRC matches, so a truncated or damaged file is refused
 * rather than resumed or exported with garbage weights. Files written before the CRC was added end after the arrays
 * and are read without that check.
 */
final class GloCtmCheckpoint {

    private static final String MAGIC = "GLOCTM-CHECKPOINT";
    private static final int FORMAT_VERSION = 1;

    private GloCtmCheckpoint() {
    }

    /** Writes next to {@code path} and moves into place, so an interrupted save leaves the old file intact. */
    static void write(Path path, GloCtmTrainer trainer) throws IOException {
        GloCtmModel model = trainer.model();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream file = Files.newOutputStream(temp);
             DataOutputStream out = new DataOutputStream(
                     new CheckedOutputStream(new BufferedOutputStream(file, 1 << 20), crc))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            Map<String, String> config = model.config().toMap();
            out.writeInt(config.size());
            for (Map.Entry<String, String> e : config.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(model.vocabSize(1));
            out.writeInt(model.vocabSize(2));
            out.writeInt(trainer.completedEpochs());
            out.writeLong(trainer.optimizer().steps());
            Map<String, NDArray> arrays = namedArrays(trainer);
            out.writeInt(arrays.size());
            for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                writeArray(out, e.getKey(), e.getValue());
            }
            out.writeLong(crc.getValue());
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static GloCtmTrainer read(Path path) throws IOException {
        try {
            return readChecked(path);
        } catch (EOFException e) {
            throw new IOException(path + ": truncated checkpoint (the file ends early)", e);
        }
    }

    private static GloCtmTrainer readChecked(Path path) throws IOException {
        CRC32 crc = new CRC32();
        // the CRC sees exactly the bytes the data stream consumes, since DataInputStream reads ahead nothing
        try (InputStream file = Files.newInputStream(path);
             DataInputStream in = new DataInputStream(
                     new CheckedInputStream(new BufferedInputStream(file, 1 << 20), crc))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(path + " is not a GloCTM checkpoint");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException(path + " has checkpoint format " + version + ", this build reads "
                        + FORMAT_VERSION);
            }
            int entries = in.readInt();
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                config.put(in.readUTF(), in.readUTF());
            }
            int vocab1 = in.readInt();
            int vocab2 = in.readInt();
            int epochs = in.readInt();
            long steps = in.readLong();
            GloCtmTrainer trainer = GloCtmTrainer.around(GloCtmModel.create(GloCtmConfig.fromMap(config), vocab1,
                    vocab2));
            try {
                Map<String, NDArray> arrays = namedArrays(trainer);
                int count = in.readInt();
                if (count != arrays.size()) {
                    throw new IOException(path + " holds " + count + " arrays, the model has " + arrays.size());
                }
                for (int i = 0; i < count; i++) {
                    readArrayInto(in, arrays, path);
                }
                checkCrc(in, crc.getValue(), path);
                trainer.restoreCompletedEpochs(epochs);
                trainer.optimizer().restoreSteps(steps);
                return trainer;
            } catch (IOException | RuntimeException e) {
                trainer.close();
                throw e;
            }
        }
    }

    /** Compares the trailing CRC with {@code expected}; a file that ends right after its arrays predates the CRC. */
    private static void checkCrc(DataInputStream in, long expected, Path path) throws IOException {
        int first = in.read();
        if (first < 0) {
            return;
        }
        byte[] rest = new byte[Long.BYTES - 1];
        in.readFully(rest);
        long stored = ByteBuffer.allocate(Long.BYTES).put((byte) first).put(rest).flip().getLong();
        if (stored != expected || in.read() >= 0) {
            throw new IOException(path + ": damaged checkpoint (its CRC-32 does not match its content)");
        }
    }

    private static Map<String, NDArray> namedArrays(GloCtmTrainer trainer) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        trainer.model().parameters().forEach((name, a) -> arrays.put("param/" + name, a));
        trainer.model().buffers().forEach((name, a) -> arrays.put("buffer/" + name, a));
        trainer.optimizer().firstMoments().forEach((name, a) -> arrays.put("adam.m/" + name, a));
        trainer.optimizer().secondMoments().forEach((name, a) -> arrays.put("adam.v/" + name, a));
        return arrays;
    }

    private static void writeArray(DataOutputStream out, String name, NDArray array) throws IOException {
        out.writeUTF(name);
        long[] shape = array.getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        float[] values = array.toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
    }

    private static void readArrayInto(DataInputStream in, Map<String, NDArray> arrays, Path path) throws IOException {
        String name = in.readUTF();
        NDArray target = arrays.get(name);
        if (target == null) {
            throw new IOException(path + " has an array the model lacks: " + name);
        }
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readLong();
        }
        if (!target.getShape().equals(new Shape(shape))) {
            throw new IOException(path + ": " + name + " has shape " + Arrays.toString(shape) + ", the model "
                    + target.getShape());
        }
        byte[] raw = new byte[Math.toIntExact(target.size() * Float.BYTES)];
        in.readFully(raw);
        FloatBuffer values = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer();
        float[] floats = new float[values.remaining()];
        values.get(floats);
        target.set(floats);
    }
}
