package io.glostream.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glostream.bench.e2e.CpuMeter.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    private static final String CLIENT = "glostream-bench-55312084266033-0f067c96-0b0a-4117-bf7b-9559545de3af";

    /** Thread names as a running e2e JVM has them (jstack). */
    @Test
    void sortsThreadsByTheirNames() {
        assertEquals(Kind.STREAM_THREADS, CpuMeter.kindOf(CLIENT + "-StreamThread-1"));
        assertEquals(Kind.STREAM_THREADS, CpuMeter.kindOf(CLIENT + "-StreamThread-12"));
        // The stream thread's producer I/O thread carries its name too, and once counted as a stream thread.
        assertEquals(Kind.KAFKA_CLIENT_IO, CpuMeter.kindOf("kafka-producer-network-thread | " + CLIENT
                + "-StreamThread-1-producer"));
        assertEquals(Kind.KAFKA_CLIENT_IO, CpuMeter.kindOf("kafka-coordinator-heartbeat-thread | glostream-bench-1"));
        assertEquals(Kind.HARNESS, CpuMeter.kindOf("e2e-results"));
        assertEquals(Kind.HARNESS, CpuMeter.kindOf("e2e-paced-sender"));
        assertEquals(Kind.OTHER_THREADS, CpuMeter.kindOf(CLIENT + "-StateUpdater-1"));
        assertEquals(Kind.OTHER_THREADS, CpuMeter.kindOf("glostream-model-control"));
    }

    /** Names of the threads the VM hides from Java, as /proc/self/task/TID/stat has them (cut at 15 characters). */
    @Test
    void sortsTheVmsOwnThreadsByTheirNames() {
        assertEquals(Kind.JIT, CpuMeter.vmKindOf("C2 CompilerThre"));
        assertEquals(Kind.JIT, CpuMeter.vmKindOf("C1 CompilerThre"));
        assertEquals(Kind.GC, CpuMeter.vmKindOf("GC Thread#0"));
        assertEquals(Kind.GC, CpuMeter.vmKindOf("G1 Conc#0"));
        assertEquals(Kind.GC, CpuMeter.vmKindOf("G1 Refine#0"));
        assertEquals(Kind.JVM, CpuMeter.vmKindOf("VM Thread"));
        assertEquals(Kind.JVM, CpuMeter.vmKindOf("java"));
    }

    @Test
    void countsThisThreadsWorkAndTheBrokersByKind() {
        long[] broker = {1_000_000_000L};
        CpuMeter meter = CpuMeter.start(() -> broker[0]);
        String name = Thread.currentThread().getName();
        Thread.currentThread().setName("e2e-test");
        try {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long sink = 0;
            while (threads.getCurrentThreadCpuTime() - start < 30_000_000L) {
                sink += System.nanoTime() % 7;
            }
            broker[0] += 30_000_000L;
            Map<Kind, Long> byKind = meter.cpuNanosByKind();
            assertTrue(byKind.get(Kind.HARNESS) >= 30_000_000L, byKind + " " + sink);
            assertEquals(30_000_000L, byKind.get(Kind.BROKER));
            assertEquals(Kind.values().length, byKind.size());
        } finally {
            Thread.currentThread().setName(name);
        }
    }
}
