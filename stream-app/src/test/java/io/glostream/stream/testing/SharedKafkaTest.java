package io.glostream.stream.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SharedKafkaTest {

    @Test
    void everyCallGetsTheSameBroker() {
        assertSame(SharedKafka.broker(), SharedKafka.broker());
    }

    @Test
    void uniqueNamesWithTheSamePrefixDiffer() {
        assertNotEquals(SharedKafka.uniqueName("topic"), SharedKafka.uniqueName("topic"));
    }
}
