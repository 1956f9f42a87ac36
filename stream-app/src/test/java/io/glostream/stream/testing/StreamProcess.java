package io.glostream.stream.testing;

import io.glostream.stream.StreamCli;
import io.glostream.stream.config.StreamSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stream-app instance in a JVM of its own ({@code StreamCli run} on this test's classpath), so that a test can kill
 * it the way an operating system or orchestrator does: {@link #kill()} is {@code destroyForcibly} (SIGKILL), with no
 * shutdown hook, no commit and no transaction abort.
 */
public final class StreamProcess implements AutoCloseable {

    private static final String STARTED = "glostream-stream serving";

    private final Process process;
    private final Path log;

    private StreamProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code run} with every one of {@code settings} as {@code --set key=value} (the cluster and topics
     * included) and waits until it prints that it serves.
     *
     * @param log where the process's standard output and error go
     * @throws IllegalStateException when it exits or does not start serving within {@code timeout}
     */
    public static StreamProcess start(StreamSettings settings, Path log, Duration timeout) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), StreamCli.class.getName(), "run"));
        for (Map.Entry<String, String> setting : settings.asMap().entrySet()) {
            command.add("--set");
            command.add(setting.getKey() + "=" + setting.getValue());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a stream-app JVM", e);
        }
        StreamProcess started = new StreamProcess(process, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!started.output().contains(STARTED)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the stream-app JVM " + (process.isAlive() ? "did not serve within "
                        + timeout : "exited with " + process.exitValue()) + ":\n" + started.output());
            }
            Thread.sleep(100);
        }
        return started;
    }

    /** What the process printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stream-app JVM survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
