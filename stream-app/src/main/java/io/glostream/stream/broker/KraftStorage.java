package io.glostream.stream.broker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/** Formats a KRaft log directory once, as {@code kafka-storage.sh format} would, and leaves a formatted one alone. */
final class KraftStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private KraftStorage() {
    }

    /**
     * Formats {@code logDir} with a new cluster id unless it already holds a {@code meta.properties}: a formatted
     * directory keeps its cluster id and records, which is what makes a restart on the same directory a restart.
     *
     * @return true if the directory was formatted now, false if it was already formatted
     */
    static boolean formatIfNeeded(KafkaConfig config, Path logDir) throws Exception {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return false;
        }
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(config.nodeId())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(SingleNodeConfig.CONTROLLER_LISTENER)
                .run();
        return true;
    }
}
