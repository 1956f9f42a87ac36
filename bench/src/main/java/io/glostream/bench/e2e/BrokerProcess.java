package io.glostream.bench.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A broker in a JVM of its own ({@link BrokerMain} on this JVM's class path), so that its threads, allocation and
 * GC do not count against the app's. Its log goes to this process's standard error.
 */
public final class BrokerProcess implements BenchBroker {

    private static final long READY_SECONDS = 120;

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Launches the broker and waits for its address.
     *
     * @param heap the broker JVM's {@code -Xmx} value, e.g. {@code 1g}
     * @throws IllegalStateException when it exits or says nothing within two minutes
     */
    public static BrokerProcess start(int partitions, String heap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BrokerMain.class.getName());
        command.add(Integer.toString(partitions));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        AtomicReference<String> address = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(BrokerMain.READY_PREFIX)) {
                        address.set(line.substring(BrokerMain.READY_PREFIX.length()).strip());
                        return;
                    }
                }
            } catch (IOException e) {
                // The process died; the join below reports it.
            }
        }, "broker-process-address");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(READY_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while waiting for the broker process", e);
        }
        if (address.get() == null) {
            process.destroy();
            throw new IllegalStateException("the broker process did not announce its address within " + READY_SECONDS
                    + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
        }
        return new BrokerProcess(process, address.get());
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public long processCpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Closes the broker's standard input, which stops it, and waits up to a minute before killing it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
