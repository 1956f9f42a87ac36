package io.glostream.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU used by this JVM over a window of wall-clock time: by the whole process (in cores), and by the Kafka Streams
 * threads alone (as a share of their wall time). A stream thread that is far from busy while results are late is
 * waiting (on the broker, commits, or a CPU the machine gives to others), not computing.
 */
public final class CpuMeter {

    private static final String STREAM_THREAD = "-StreamThread-";

    private final long startNanos;
    private final long startProcessCpu;
    private final long startStreamCpu;

    private CpuMeter() {
        startNanos = System.nanoTime();
        startProcessCpu = processCpuNanos();
        startStreamCpu = streamThreadsCpuNanos();
    }

    /** Starts a window now. */
    public static CpuMeter start() {
        return new CpuMeter();
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
