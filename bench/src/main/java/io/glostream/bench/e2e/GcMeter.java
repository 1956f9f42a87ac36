package io.glostream.bench.e2e;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * This JVM's garbage collection over a window of wall-clock time: the share of the window the collectors report
 * having spent (their accumulated collection time: pauses, plus concurrent cycles where the collector counts
 * them), the number of collections, and the peak heap use (peaks are reset at the start).
 */
public final class GcMeter {

    private final long startNanos;
    private final long startGcMillis;
    private final long startCount;

    private GcMeter() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        startNanos = System.nanoTime();
        startGcMillis = gcMillis();
        startCount = gcCount();
    }

    /** Starts a window now. */
    public static GcMeter start() {
        return new GcMeter();
    }

    /** GC time over wall time since the start. */
    public double timeShare() {
        double wallMillis = (System.nanoTime() - startNanos) / 1e6;
        return wallMillis <= 0 ? 0 : (gcMillis() - startGcMillis) / wallMillis;
    }

    /** Collections since the start. */
    public long collections() {
        return gcCount() - startCount;
    }

    /** Sum of the heap pools' peak use since the start, in MiB (an upper bound: pools peak at different times). */
    public static double heapPeakMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** The most heap this JVM may use ({@code -Xmx}), in MiB. */
    public static double heapMaxMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }
}
