package io.glostream.bench.e2e;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * CPU used over a window of wall-clock time: by this JVM (in cores), by this JVM plus the broker's own process when
 * it has one (in CPU seconds), by the Kafka Streams threads alone (as a share of their wall time), and by kind of
 * work ({@link Kind}). A stream thread that is far from busy while results are late is waiting (on the broker,
 * commits, or a CPU the machine gives to others), not computing.
 */
public final class CpuMeter {

    /** Where CPU time goes, by the name of the thread that spent it. */
    public enum Kind {
        /** Kafka Streams' processing threads ({@code <client id>-StreamThread-<n>}). */
        STREAM_THREADS,
        /**
     * The Kafka clients' own threads: producer network I/O, heartbeats, admin client (and, with the broker in
     * this JVM, some of its threads: use {@code --broker-process} for a clean split).
     */
        KAFKA_CLIENT_IO,
        /** The harness's sender and result collector (not the app's work, though in its JVM). */
        HARNESS,
        /** Every other Java thread of this JVM (state updater, model control, metrics...). */
        OTHER_THREADS,
        /** The JIT compiler threads (C1, C2), read from {@code /proc} (0 where there is none). */
        JIT,
        /** The garbage collector's threads, read from {@code /proc} (0 where there is none). */
        GC,
        /** What no thread above accounts for: the VM's own threads (and JIT and GC where /proc is missing). */
        JVM,
        /** The broker's own process (0 with the broker in this JVM, where it counts under the threads above). */
        BROKER
    }

    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-\\d+");
    /** Linux's USER_HZ, the unit of CPU times in /proc, is 100 on every architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final LongSupplier brokerCpuNanos;
    private final long startNanos;
    private final long startProcessCpu;
    private final long startBrokerCpu;
    private final Map<Long, Long> startThreadCpu;
    private final Map<Kind, Long> startVmCpu;

    private CpuMeter(LongSupplier brokerCpuNanos) {
        this.brokerCpuNanos = brokerCpuNanos;
        startNanos = System.nanoTime();
        startProcessCpu = processCpuNanos();
        startBrokerCpu = brokerCpuNanos.getAsLong();
        startThreadCpu = new HashMap<>();
        forEachThread((info, cpu) -> startThreadCpu.put(info.getThreadId(), cpu));
        startVmCpu = vmThreadsCpuNanos();
    }

    /** Starts a window now; {@code brokerCpuNanos} reads the CPU time of a broker outside this JVM (0 if none). */
    public static CpuMeter start(LongSupplier brokerCpuNanos) {
        return new CpuMeter(brokerCpuNanos);
    }

    /** The kind of work of a thread, by its name. */
    static Kind kindOf(String threadName) {
        if (STREAM_THREAD.matcher(threadName).matches()) {
            return Kind.STREAM_THREADS;
        }
        if (threadName.startsWith("kafka-")) {
            return Kind.KAFKA_CLIENT_IO;
        }
        if (threadName.startsWith("e2e-") || threadName.equals("main")) {
            return Kind.HARNESS;
        }
        return Kind.OTHER_THREADS;
    }

    /** The kind of work of a thread the VM hides from Java, by its name in {@code /proc} (at most 15 characters). */
    static Kind vmKindOf(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return Kind.GC;
        }
        return Kind.JVM;
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
        Map<Kind, Long> byKind = cpuNanosByKind();
        return byKind.isEmpty() ? -1
                : byKind.get(Kind.STREAM_THREADS) / ((double) threads * (System.nanoTime() - startNanos));
    }

    /**
     * CPU nanoseconds since the start by kind of work; empty where thread CPU time is not measurable. Threads that
     * ended within the window count under {@link Kind#JVM}, as the rest of the process's time does.
     */
    public Map<Kind, Long> cpuNanosByKind() {
        long process = processCpuNanos();
        if (process < 0 || !ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported()) {
            return Map.of();
        }
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, 0L);
        }
        forEachThread((info, cpu) -> byKind.merge(kindOf(info.getThreadName()),
                Math.max(0, cpu - startThreadCpu.getOrDefault(info.getThreadId(), 0L)), Long::sum));
        vmThreadsCpuNanos().forEach((kind, cpu) -> byKind.put(kind, Math.max(0, cpu - startVmCpu.getOrDefault(kind, 0L))));
        long threads = byKind.values().stream().mapToLong(Long::longValue).sum();
        byKind.put(Kind.JVM, Math.max(0, process - startProcessCpu - threads));
        byKind.put(Kind.BROKER, Math.max(0, brokerCpuNanos.getAsLong() - startBrokerCpu));
        return byKind;
    }

    /**
     * CPU time of the JIT compiler and GC threads, which {@link ThreadMXBean} does not list, from
     * {@code /proc/self/task/<tid>/stat} (user + system time, in clock ticks of 10 ms); empty where there is no /proc.
     */
    private static Map<Kind, Long> vmThreadsCpuNanos() {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byKind;
        }
        for (File task : tasks) {
            String stat;
            try {
                stat = Files.readString(task.toPath().resolve("stat"));
            } catch (IOException e) {
                continue; // the thread ended
            }
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            Kind kind = vmKindOf(stat.substring(open + 1, close));
            if (kind == Kind.JVM) {
                continue;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            byKind.merge(kind, ticks * NANOS_PER_TICK, Long::sum);
        }
        return byKind;
    }

    private interface ThreadCpu {
        void accept(ThreadInfo info, long cpuNanos);
    }

    private static void forEachThread(ThreadCpu action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return;
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    action.accept(info, cpu);
                }
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
