package io.glostream.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * CPU used over a window of wall-clock time: by this JVM (in cores), by this JVM plus the broker's own process when
 * it has one (in CPU seconds), and by the Kafka Streams threads alone (as a share of their wall time). A stream thread that is far from busy while results are late is
 * waiting (on the broker, commits, or a CPU the machine gives to others), not computing.
 */
public final class CpuMeter {

    private static final String STREAM_THREAD = "-StreamThread-";

    private final LongSupplier brokerCpuNanos;
    private final long startNanos;
    private final long startProcessCpu;
    private final long startBrokerCpu;
    private final long startStreamCpu;

    private CpuMeter(LongSupplier brokerCpuNanos) {
        this.brokerCpuNanos = brokerCpuNanos;
        startNanos = System.nanoTime();
        startProcessCpu = processCpuNanos();
        startBrokerCpu = brokerCpuNanos.getAsLong();
        startStreamCpu = streamThreadsCpuNanos();
    }

    /** Starts a window now; {@code brokerCpuNanos} reads the CPU time of a broker outside this JVM (0 if none). */
    public static CpuMeter start(LongSupplier brokerCpuNanos) {
        return new CpuMeter(brokerCpuNanos);
    }

    /** CPU seconds used since the start by this JVM and the broker's process together; -1 where unknown. */
    public double cpuSecondsWithBroker() {
        long cpu = processCpuNanos();
        return cpu < 0 ? -1 : (cpu - startProcessCpu + brokerCpuNanos.getAsLong() - startBrokerCpu) / 1e9;
    }

    /** The broker process's share of {@link #cpuSecondsWithBroker()}: 0 for a broker in this JVM; -1 where unknown. */
    public double brokerShare() {
        double total = cpuSecondsWithBroker();
        return total <= 0 ? -1 : (brokerCpuNanos.getAsLong() - startBrokerCpu) / 1e9 / total;
    }

    /** Process CPU time over wall time since the start: 2.0 means two cores busy throughout; -1 where unknown. */
    public double processCores() {
        long cpu = processCpuNanos();
        return cpu < 0 ? -1 : (cpu - startProcessCpu) / (double) (System.nanoTime() - startNanos);
    }

    /** Stream threads' CPU time over {@code threads} times the wall time since the start; -1 where unknown. */
    public double streamThreadsBusyShare(int threads) {
        long cpu = streamThreadsCpuNanos();
        return cpu < 0 ? -1 : (cpu - startStreamCpu) / ((double) threads * (System.nanoTime() - startNanos));
    }

    /** CPU seconds the stream threads used since the start, all together; -1 where unknown. */
    public double streamThreadsCpuSeconds() {
        long cpu = streamThreadsCpuNanos();
        return cpu < 0 ? -1 : (cpu - startStreamCpu) / 1e9;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long streamThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains(STREAM_THREAD)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }
}
