package io.glostream.stream.broker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.stream.testing.KafkaTestClients;
import io.glostream.stream.testing.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    /** A safety net only: on a healthy broker every wait below ends in well under a second. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void answersDescribeClusterWithItsOneNodeAtTheBootstrapAddress() throws Exception {
        EmbeddedKafkaBroker broker = SharedKafka.broker();

        Collection<Node> nodes = broker.admin().describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(1, nodes.size());
        Node node = nodes.iterator().next();
        assertEquals(1, node.id());
        assertEquals(broker.bootstrapServers(), node.host() + ":" + node.port());
    }

    @Test
    void createsATopicWithTheRequestedPartitions() throws Exception {
        String topic = SharedKafka.uniqueName("partitions");

        SharedKafka.createTopic(topic, 3);

        assertEquals(3, partitionCount(topic));
    }

    @Test
    void createsACompactedTopicWhoseConfigReadsBackAsCompact() throws Exception {
        String topic = SharedKafka.uniqueName("compacted");

        SharedKafka.broker().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = SharedKafka.broker().admin().describeConfigs(List.of(resource)).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
        assertEquals("compact", config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
    }

    @Test
    void creatingAnExistingTopicAgainLeavesItAsItWas() throws Exception {
        String topic = SharedKafka.uniqueName("existing");
        SharedKafka.createTopic(topic, 2);

        SharedKafka.createTopic(topic, 5);

        assertEquals(2, partitionCount(topic));
    }

    @Test
    void readCommittedConsumerSeesCommittedTransactionsAndNotAbortedOnes() {
        String topic = abortedThenCommittedTransaction();

        List<ConsumerRecord<byte[], byte[]>> records = SharedKafka.readCommitted(topic, 2, TIMEOUT);

        // The aborted records come first in the log: had they been visible, they would be the first two read.
        assertEquals(List.of("committed-1", "committed-2"), values(records));
    }

    @Test
    void abortedRecordsAreInTheLogForAReadUncommittedConsumer() {
        String topic = abortedThenCommittedTransaction();

        List<ConsumerRecord<byte[], byte[]>> records = KafkaTestClients.drain(SharedKafka.bootstrapServers(), topic,
                IsolationLevel.READ_UNCOMMITTED, 4, TIMEOUT);

        assertEquals(List.of("aborted-1", "aborted-2", "committed-1", "committed-2"), values(records));
    }

    @Test
    void restartOnTheSameDataDirReusesTheClusterAndItsRecords(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir)) {
            clusterId = clusterId(first.admin());
            first.createTopics(List.of(new NewTopic("kept", 1, (short) 1)));
            try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(first.bootstrapServers())) {
                for (String value : List.of("one", "two", "three")) {
                    producer.send(new ProducerRecord<>("kept", 0, null, value.getBytes(UTF_8)))
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            }
        }

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(dataDir)) {
            assertEquals(clusterId, clusterId(second.admin()));
            List<ConsumerRecord<byte[], byte[]>> records = KafkaTestClients.drain(second.bootstrapServers(), "kept",
                    IsolationLevel.READ_COMMITTED, 3, TIMEOUT);
            assertEquals(List.of("one", "two", "three"), values(records));
        }
        assertTrue(Files.exists(dataDir.resolve("kraft-combined-logs").resolve("meta.properties")));
    }

    @Test
    void restartedWithItsOwnOptionsItComesBackOnTheSamePortsAndClientsCarryOn(@TempDir Path dataDir) throws Exception {
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerOptions.defaults().withDataDir(dataDir));
        BrokerOptions taken = first.options();
        assertTrue(taken.brokerPort() > 0 && taken.controllerPort() > 0, taken.toString());
        assertEquals("127.0.0.1:" + taken.brokerPort(), first.bootstrapServers());
        first.createTopics(List.of(new NewTopic("across-restart", 1, (short) 1)));
        try (KafkaProducer<byte[], byte[]> producer = KafkaTestClients.producer(first.bootstrapServers())) {
            producer.send(new ProducerRecord<>("across-restart", "before".getBytes(UTF_8))).get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
            first.close();
            try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(taken)) {
                assertEquals(first.bootstrapServers(), second.bootstrapServers());
                assertEquals(taken, second.options());
                producer.send(new ProducerRecord<>("across-restart", "after".getBytes(UTF_8))).get(TIMEOUT.toSeconds(),
                        TimeUnit.SECONDS);
                assertEquals(List.of("before", "after"), values(KafkaTestClients.drain(second.bootstrapServers(),
                        "across-restart", IsolationLevel.READ_COMMITTED, 2, TIMEOUT)));
            }
        }
    }

    @Test
    void aSaslListenerServesItsPlainUsersAndRefusesAWrongPassword() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerOptions.defaults()
                .withPlainUsers(Map.of("alice", "alice-secret")))) {
            assertEquals("127.0.0.1:" + broker.options().saslPort(), broker.bootstrapServers());
            broker.createTopics(List.of(new NewTopic("secured", 1, (short) 1)));
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(sasl(broker, "alice", "alice-secret"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("secured", "hello".getBytes(UTF_8))).get(TIMEOUT.toSeconds(),
                        TimeUnit.SECONDS);
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(sasl(broker, "alice", "wrong"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> producer
                        .send(new ProducerRecord<>("secured", "intruder".getBytes(UTF_8))).get(TIMEOUT.toSeconds(),
                                TimeUnit.SECONDS));
                assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
            }
        }
    }

    private static Map<String, Object> sasl(EmbeddedKafkaBroker broker, String user, String password) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"" + user + "\" password=\"" + password + "\";");
    }

    @Test
    void closeDeletesTheTemporaryDataDirItMade() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Path dataDir = broker.dataDir();
        assertTrue(Files.isDirectory(dataDir));

        broker.close();

        assertFalse(Files.exists(dataDir));
    }

    /** Writes two records in an aborted transaction, then two in a committed one, to a new topic it returns. */
    private static String abortedThenCommittedTransaction() {
        String topic = SharedKafka.uniqueName("transactions");
        SharedKafka.createTopic(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer = SharedKafka.transactionalProducer(topic + "-tx")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted-1".getBytes(UTF_8)));
            producer.send(new ProducerRecord<>(topic, "aborted-2".getBytes(UTF_8)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "committed-1".getBytes(UTF_8)));
            producer.send(new ProducerRecord<>(topic, "committed-2".getBytes(UTF_8)));
            producer.commitTransaction();
        }
        return topic;
    }

    private static int partitionCount(String topic) throws Exception {
        return SharedKafka.broker().admin().describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().size();
    }

    private static String clusterId(Admin admin) throws Exception {
        return admin.describeCluster().clusterId().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), UTF_8)).toList();
    }
}
