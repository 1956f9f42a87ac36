package io.glostream.stream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glostream.stream.reliability.ReliabilityRow;
import io.glostream.stream.testing.SampleBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run, recorded once rather than run in CI: 100,000 documents (or {@code -Dglostream.soak.docs=N}) through two
 * instances under exactly-once, with a hot swap announced and then one instance killed (SIGKILL) mid-stream. Run with
 * {@code ./mvnw -B -pl stream-app -am test -Dtest=ReliabilitySoakTest -Dglostream.soak=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; its row lands in {@code target/reliability-rows}.
 */
@EnabledIfSystemProperty(named = "glostream.soak", matches = "true")
class ReliabilitySoakTest {

    private static final int DOCUMENTS = Integer.getInteger("glostream.soak.docs", 100_000);

    @TempDir
    Path dir;

    @Test
    void aHotSwapAndAnInstanceKillInAHundredThousandDocumentsLoseAndRepeatNothing() throws Exception {
        Path v2 = SampleBundles.copyWithVersion(dir.resolve("sample-2"), "sample-2");
        ReliabilityRow row = FaultRun.killOneOfTwoInstances("soak: " + DOCUMENTS + " documents, a hot swap and an "
                + "instance killed (SIGKILL), 2 instances", "exactly_once_v2",
                ScenarioDocuments.mixed(DOCUMENTS, "soak-"), dir, v2);
        assertEquals(0, row.lost(), row.toString());
        assertEquals(0, row.duplicated(), row.toString());
        assertEquals(DOCUMENTS, row.out() + row.deadLettered(), row.toString());
    }
}
