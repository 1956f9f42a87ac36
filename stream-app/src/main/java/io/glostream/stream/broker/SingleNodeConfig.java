package io.glostream.stream.broker;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The server settings of a one-node KRaft cluster in combined mode that supports exactly-once: every internal topic
 * (consumer offsets, transaction state, share-group state) gets one replica and a minimum ISR of one, and one
 * partition, because a single node gains nothing from more and each partition costs startup time.
 */
final class SingleNodeConfig {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SASL_LISTENER = "SASL_PLAINTEXT";
    static final String HOST = "127.0.0.1";

    private SingleNodeConfig() {
    }

    /**
     * As {@link #properties(Path, int, int)}, plus a SASL_PLAINTEXT client listener on {@code saslPort} accepting the
     * given PLAIN users; the PLAINTEXT listener stays for inter-broker traffic and the broker's own admin client.
     */
    static Properties properties(Path logDir, int brokerPort, int controllerPort, int saslPort,
            Map<String, String> plainUsers) {
        Properties p = properties(logDir, brokerPort, controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + SASL_LISTENER + "://" + HOST + ":" + saslPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + SASL_LISTENER + "://" + HOST + ":" + saslPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + SASL_LISTENER + ":SASL_PLAINTEXT,"
                + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        plainUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                .append('"'));
        p.put("listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", jaas.append(';')
                .toString());
        return p;
    }

    static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // Static voters (kraft.version 0) keep no endpoint in the metadata log, so a restart may pick new ports.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());

        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Topics exist because someone created them: a typo in a topic name fails instead of making a new topic.
        p.put("auto.create.topics.enable", "false");

        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");

        // Nobody else will join: rebalancing at once saves three seconds per new group.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");

        // Defaults sized for a dedicated server: a 128 MiB cleaner buffer and a dozen request threads.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        return p;
    }
}
