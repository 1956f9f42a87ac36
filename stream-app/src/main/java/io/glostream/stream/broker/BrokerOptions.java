package io.glostream.stream.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to start an {@link EmbeddedKafkaBroker}: its data directory, its ports and, optionally, a SASL/PLAIN listener
 * for clients.
 *
 * @param dataDir where the broker keeps its logs; null for a new temporary directory that closing deletes
 * @param brokerPort the port of the client listener; 0 for a free one
 * @param controllerPort the port of the KRaft controller listener; 0 for a free one
 * @param saslPort the port of the SASL_PLAINTEXT client listener when {@code plainUsers} is not empty; 0 for a free one
 * @param plainUsers user name to password of the SASL/PLAIN users; empty for no SASL listener
 */
public record BrokerOptions(Path dataDir, int brokerPort, int controllerPort, int saslPort, Map<String, String> plainUsers) {

    public BrokerOptions {
        checkPort("broker", brokerPort);
        checkPort("controller", controllerPort);
        checkPort("SASL", saslPort);
        Objects.requireNonNull(plainUsers, "plainUsers");
        plainUsers.forEach((user, password) -> {
            if (user == null || !user.matches("[A-Za-z0-9_.-]+") || password == null || password.contains("\"")) {
                throw new IllegalArgumentException("a PLAIN user needs a name of letters, digits, '_', '.' or '-' and a "
                        + "password without '\"', got " + user);
            }
        });
        plainUsers = Map.copyOf(new TreeMap<>(plainUsers));
    }

    /** A temporary directory, free ports, no SASL. */
    public static BrokerOptions defaults() {
        return new BrokerOptions(null, 0, 0, 0, Map.of());
    }

    public BrokerOptions withDataDir(Path dir) {
        return new BrokerOptions(dir, brokerPort, controllerPort, saslPort, plainUsers);
    }

    /** Fixed ports, e.g. to restart a broker where its clients still look for it. */
    public BrokerOptions withPorts(int broker, int controller, int sasl) {
        return new BrokerOptions(dataDir, broker, controller, sasl, plainUsers);
    }

    /**
     * Adds a SASL_PLAINTEXT listener that accepts these PLAIN users; {@link EmbeddedKafkaBroker#bootstrapServers()}
     * is then that listener. The PLAINTEXT listener stays on loopback for the broker itself (inter-broker traffic and
     * its own admin client).
     */
    public BrokerOptions withPlainUsers(Map<String, String> users) {
        return new BrokerOptions(dataDir, brokerPort, controllerPort, saslPort, users);
    }

    public boolean sasl() {
        return !plainUsers.isEmpty();
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " port must be 0 (any free port) to 65535, got " + port);
        }
    }
}
