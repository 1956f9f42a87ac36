package io.glostream.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads and writes {@link BundleManifest} as JSON. */
final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private ManifestJson() {
    }

    static byte[] write(BundleManifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
    }

    /**
     * A copy of {@code node} as reading its JSON gives it (an empty object for null), so equality does
     * not depend on how a caller built it ({@code put("n", 1L)} and {@code put("n", 1)} are both read as 1).
     */
    static ObjectNode canonical(ObjectNode node) {
        if (node == null) {
            return MAPPER.createObjectNode();
        }
        try {
            return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON object always round-trips", e);
        }
    }

    static BundleManifest read(byte[] json) throws BundleVerificationException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw unparseable(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "not a JSON object");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE,
                    "formatVersion is missing or not an integer");
        }
        if (version.intValue() > BundleManifest.SUPPORTED_FORMAT_VERSION) {
            throw new BundleVerificationException(BundleManifest.MANIFEST_FILE, "bundle format " + version.intValue()
                    + " is newer than the supported " + BundleManifest.SUPPORTED_FORMAT_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, BundleManifest.class);
        } catch (JsonProcessingException e) {
            throw unparseable(e);
        }
    }

    private static BundleVerificationException unparseable(IOException e) {
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new BundleVerificationException(BundleManifest.MANIFEST_FILE, "unparseable: " + detail, e);
    }
}
