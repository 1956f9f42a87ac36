package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glostream.stream.reliability.ReliabilityRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code processing.guarantee=at_least_once} through the same instance kill as {@link InstanceKillTest}: nothing may
 * be lost; results written after the killed instance's last offset commit come again, and the duplicates are counted
 * into the reliability report rather than asserted away.
 */
class AtLeastOnceTest {

    @TempDir
    Path dir;

    @Test
    void anInstanceKillUnderAtLeastOnceLosesNothingAndTheDuplicatesAreCounted() throws Exception {
        ReliabilityRow row = FaultRun.killOneOfTwoInstances("instance killed (SIGKILL) mid-stream, 2 instances",
                "at_least_once", ScenarioDocuments.mixed(2_000, "kill-alos-"), dir, null);
        assertEquals(0, row.lost(), row.toString());
        assertEquals(2_000 + row.duplicated(), row.out() + row.deadLettered(), row.toString());
    }
}
