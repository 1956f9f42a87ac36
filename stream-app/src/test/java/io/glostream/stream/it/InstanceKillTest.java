package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glostream.stream.reliability.ReliabilityRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance killed (SIGKILL, in a JVM of its own) mid-stream while another shares its application id. */
class InstanceKillTest {

    @TempDir
    Path dir;

    @Test
    void underExactlyOnceEveryInputIdIsReadCommittedExactlyOnceAfterTheKill() throws Exception {
        ReliabilityRow row = FaultRun.killOneOfTwoInstances("instance killed (SIGKILL) mid-stream, 2 instances",
                "exactly_once_v2", ScenarioDocuments.mixed(3_000, "kill-eos-"), dir, null);
        assertEquals(0, row.lost(), row.toString());
        assertEquals(0, row.duplicated(), row.toString());
        assertEquals(3_000, row.out() + row.deadLettered(), row.toString());
    }
}
