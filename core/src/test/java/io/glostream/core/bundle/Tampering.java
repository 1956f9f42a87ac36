package io.glostream.core.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glostream.core.inference.EncoderGraphWriter;
import io.glostream.core.inference.EncoderInput;
import io.glostream.core.inference.EncoderWeights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;

/** What an attacker or a broken copy does to a bundle on disk, for the verification tests. */
public final class Tampering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tampering() {
    }

    public static void flipByte(Path file, int position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[position] ^= 0x01;
        Files.write(file, bytes);
    }

    public static void truncate(Path file, int bytesToDrop) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - bytesToDrop));
    }

    /** Edits manifest.json in place; the manifest is not checksummed, so this alone breaks no seal. */
    public static void editManifest(Path bundleDir, Consumer<ObjectNode> edit) throws IOException {
        Path file = bundleDir.resolve(BundleManifest.MANIFEST_FILE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(manifest);
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }

    /** Replaces a listed file and its checksum, so only deeper checks can catch the change. */
    public static void replaceListedFile(Path bundleDir, String name, byte[] content) throws IOException {
        Files.write(bundleDir.resolve(name), content);
        editManifest(bundleDir, manifest -> ((ObjectNode) manifest.get("files")).put(name, sha256(content)));
    }

    public static byte[] onnx(EncoderWeights weights) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EncoderGraphWriter.write(weights, EncoderInput.SPARSE, out);
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }
}
