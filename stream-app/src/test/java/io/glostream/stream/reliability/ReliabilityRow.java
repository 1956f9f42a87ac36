package io.glostream.stream.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one reliability case, as {@code bench/results/reliability.json} lists them. Each test writes
 * its row to {@code target/reliability-rows/<case>.json}; {@link ReliabilityReport} assembles the rows.
 *
 * @param in records sent
 * @param out records tagged on the output topic
 * @param deadLettered records on the dead-letter topic
 * @param lost input ids with no result at all
 * @param duplicated results beyond the first for an input id
 * @param guarantee the processing guarantee the case ran under
 */
public record ReliabilityRow(String name, long in, long out, long deadLettered, long lost, long duplicated,
        String guarantee) {

    /** Where the tests of this module write their rows. */
    public static final Path DIR = Path.of("target", "reliability-rows");

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReliabilityRow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reliability case needs a name");
        }
        if (in < 0 || out < 0 || deadLettered < 0 || lost < 0 || duplicated < 0) {
            throw new IllegalArgumentException("counts must not be negative in case " + name);
        }
    }

    /**
     * The row of a run that sent {@code inputIds} (each once) and read back {@code taggedIds} from the output topic
     * and {@code deadLetteredIds} (the original keys) from the dead-letter topic.
     */
    public static ReliabilityRow tally(String name, String guarantee, Collection<String> inputIds,
            List<String> taggedIds, List<String> deadLetteredIds) {
        Set<String> inputs = new HashSet<>(inputIds);
        if (inputs.size() != inputIds.size()) {
            throw new IllegalArgumentException("input ids of case " + name + " repeat");
        }
        Map<String, Integer> seen = new HashMap<>();
        taggedIds.forEach(id -> seen.merge(id, 1, Integer::sum));
        deadLetteredIds.forEach(id -> seen.merge(id, 1, Integer::sum));
        long lost = inputs.stream().filter(id -> !seen.containsKey(id)).count();
        long duplicated = seen.values().stream().mapToLong(n -> n - 1L).sum();
        return new ReliabilityRow(name, inputs.size(), taggedIds.size(), deadLetteredIds.size(), lost, duplicated,
                guarantee);
    }

    /** The row as the JSON object of the report, keys in the report's order. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", name);
        json.put("in", in);
        json.put("out", out);
        json.put("dead_lettered", deadLettered);
        json.put("lost", lost);
        json.put("duplicated", duplicated);
        json.put("guarantee", guarantee);
        return json;
    }

    /** Writes this row to {@link #DIR}, replacing the previous run's row of the same case. */
    public ReliabilityRow record() {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(fileName(name + "-" + guarantee));
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), asJson());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not record reliability case " + name, e);
        }
    }

    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".json";
    }
}
