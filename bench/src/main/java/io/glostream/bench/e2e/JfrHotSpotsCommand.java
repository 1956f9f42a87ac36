package io.glostream.bench.e2e;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jfr-hot}: the hot spots of a Flight Recorder file, from its method samples. Java 17's {@code jfr} tool has no
 * {@code view hot-methods}, so this counts them: per method, the samples where it is the top frame (self) and those
 * where it is anywhere on the stack (total), for threads running Java code ({@code jdk.ExecutionSample}) and threads
 * in native code such as ONNX Runtime ({@code jdk.NativeMethodSample}) apart; and the CPU each thread used, from
 * {@code jdk.ThreadCPULoad} (threads named alike up to a trailing number are summed).
 */
@Command(name = "jfr-hot", mixinStandardHelpOptions = true,
        description = "Top methods of a JFR recording by samples (self and total), Java and native apart.")
public final class JfrHotSpotsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.jfr", description = "A recording, e.g. from -XX:StartFlightRecording=filename=FILE.jfr.")
    Path recording;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Methods listed (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--thread", paramLabel = "PREFIX", description = "Only samples of threads whose name starts so, "
            + "e.g. glostream-bench (the stream threads are named after the application id).")
    String threadPrefix;

    /** Sample counts of one event type. */
    private static final class Tally {
        long samples;
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> total = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();
    }

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, Double> cpuByThread = new HashMap<>();
        double cpuTotal = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ThreadCPULoad") && event.getThread() != null) {
                // Each event is the thread's load since its previous one, over one sampling period.
                double load = event.getFloat("user") + event.getFloat("system");
                cpuByThread.merge(threadGroup(String.valueOf(event.getThread().getJavaName())), load, Double::sum);
                cpuTotal += load;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            var thread = event.getThread("sampledThread");
            String threadName = thread == null ? "?" : String.valueOf(thread.getJavaName());
            if (stack == null || stack.getFrames().isEmpty()
                    || (threadPrefix != null && !threadName.startsWith(threadPrefix))) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(type, t -> new Tally());
            tally.samples++;
            tally.threads.merge(threadGroup(threadName), 1L, Long::sum);
            List<RecordedFrame> frames = stack.getFrames();
            tally.self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
            Set<String> onStack = new HashSet<>();
            for (RecordedFrame frame : frames) {
                onStack.add(name(frame.getMethod()));
            }
            onStack.forEach(method -> tally.total.merge(method, 1L, Long::sum));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (cpuTotal > 0) {
            out.println("jdk.ThreadCPULoad: share of the CPU used by this JVM's threads, by thread");
            double total = cpuTotal;
            cpuByThread.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(top)
                    .forEach(e -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100 * e.getValue() / total, e.getKey()));
            out.println();
        }
        for (String type : List.of("jdk.ExecutionSample", "jdk.NativeMethodSample")) {
            Tally tally = tallies.get(type);
            if (tally == null) {
                out.printf("%s: no samples%n%n", type);
                continue;
            }
            out.printf(Locale.ROOT, "%s: %,d samples%n", type, tally.samples);
            print(out, "threads", tally.threads, tally.samples);
            print(out, "self (top frame)", tally.self, tally.samples);
            print(out, "total (anywhere on the stack)", tally.total, tally.samples);
            out.println();
        }
        return 0;
    }

    private void print(PrintWriter out, String title, Map<String, Long> counts, long samples) {
        out.println("  " + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    /** A thread's name with its numbers generalised, so that pools and per-run ids add up. */
    private static String threadGroup(String name) {
        return name.replaceAll("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "").replaceAll("(?<![A-Za-z])\\d+|\\d+$", "N");
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
