package io.glostream.stream.deploy;

import io.glostream.core.testdata.DeployFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The YAML files under deploy/, read as plain maps and lists (merge keys resolved), with typed look-ups. */
final class DeployYaml {

    private DeployYaml() {
    }

    /** Every document of {@code deploy/<relative>}. */
    static List<Map<String, Object>> documents(String relative) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(DeployFiles.read(relative))) {
            if (document != null) {
                documents.add(map(document, relative));
            }
        }
        return documents;
    }

    /** The single document of {@code deploy/<relative>}. */
    static Map<String, Object> document(String relative) {
        List<Map<String, Object>> documents = documents(relative);
        if (documents.size() != 1) {
            throw new AssertionError(relative + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    /** The value at a path of keys, which must exist. */
    static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            Map<String, Object> map = map(node, String.join(".", path));
            if (!map.containsKey(key)) {
                throw new AssertionError("no '" + key + "' on the path " + String.join(".", path) + " in " + root.keySet());
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map)) {
            throw new AssertionError(where + ": expected a mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String where) {
        if (!(node instanceof List)) {
            throw new AssertionError(where + ": expected a list, got " + node);
        }
        return (List<Object>) node;
    }

    /** The list at a path, as maps. */
    static List<Map<String, Object>> maps(Map<String, Object> root, String... path) {
        return list(at(root, path), String.join(".", path)).stream().map(node -> map(node, String.join(".", path))).toList();
    }

    /** The list at a path, as strings. */
    static List<String> strings(Map<String, Object> root, String... path) {
        return list(at(root, path), String.join(".", path)).stream().map(String::valueOf).toList();
    }
}
