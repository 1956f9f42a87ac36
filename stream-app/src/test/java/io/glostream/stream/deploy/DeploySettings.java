package io.glostream.stream.deploy;

import io.glostream.stream.config.SettingsLoader;
import io.glostream.stream.config.StreamSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Loads deploy/'s settings through the app's own {@link SettingsLoader}, so an unknown key or variable, or a
 * bad value, fails exactly as it would at start-up. model.path names a path inside a container, so it is
 * read and then cleared (an empty command-line value removes a setting) before the check that it exists.
 */
final class DeploySettings {

    private static final Map<String, String> CLEAR_MODEL_PATH = Map.of("model.path", "");

    private DeploySettings() {
    }

    /** The settings a container with these environment variables (and no file) runs with. */
    static StreamSettings fromEnvironment(Map<String, String> environment) {
        return SettingsLoader.load(null, environment, CLEAR_MODEL_PATH);
    }

    /** The settings a container runs with when given this properties file and these environment variables. */
    static StreamSettings fromFile(Path file, Map<String, String> environment) {
        return SettingsLoader.load(file, environment, CLEAR_MODEL_PATH);
    }

    /** The kafka.* keys of {@code settings} that no Kafka client, admin or Streams configuration defines. */
    static Set<String> unknownKafkaKeys(StreamSettings settings) {
        Set<String> known = new HashSet<>();
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        known.addAll(StreamsConfig.configDef().names());
        Set<String> unknown = new TreeSet<>(settings.kafka().keySet());
        unknown.removeAll(known);
        return unknown;
    }
}
