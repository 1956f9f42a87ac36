package io.glostream.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where and when a run happened, for its results file: the command, the git commit of the working directory
 * (suffixed {@code -dirty} when it has uncommitted changes), the JVM and its options, the CPU, the date, and the
 * system load average (the machine may be shared, and a loaded machine gives lower numbers).
 */
public record RunEnvironment(String command, String gitCommit, String jvm, List<String> jvmArgs, String cpuModel,
        int cores, String date) {

    /** The environment of this JVM, for a run started with {@code command}. */
    public static RunEnvironment capture(String command) {
        return new RunEnvironment(command, currentCommit(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                readCpuModel(), Runtime.getRuntime().availableProcessors(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The one-minute system load average, or -1 where the platform has none. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String currentCommit() {
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        // Untracked files are results and scratch output; only changes to tracked files make the build differ.
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux: fall through to the architecture.
        }
        return System.getProperty("os.arch");
    }
}
