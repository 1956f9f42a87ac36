package io.glostream.trainer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MallocTuningTest {

    private static final long BLOCK = 8L << 20;
    /** 96 MB: more than one of glibc's 64 MB per-thread heaps, so a second heap is made and emptied each round. */
    private static final int BLOCKS = 12;
    private static final int ROUNDS = 20;
    private static final long PAGE = 4096;

    @BeforeAll
    static void needsGlibc() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "glibc tuning is Linux-only");
        boolean glibc = Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6"))
                || Files.exists(Path.of("/lib64/libc.so.6"));
        assumeTrue(glibc, "needs glibc");
    }

    @Test
    void glibcAcceptsTheSettings() {
        assertTrue(MallocTuning.apply());
    }

    /**
     * A training step's pattern on a thread of its own: blocks of a few megabytes allocated, written and all freed,
     * again and again. Tuned, the pages stay mapped and only the first round faults them in; without the top pad the
     * thread's second arena heap empties and is unmapped every round, and every round faults it in again (about
     * 220,000 faults here against 28,000).
     */
    @Test
    void freedTemporariesStayMappedOnOtherThreads() throws Exception {
        assertTrue(MallocTuning.apply());
        Function malloc = NativeLibrary.getInstance("c").getFunction("malloc");
        Function free = NativeLibrary.getInstance("c").getFunction("free");
        AtomicLong faults = new AtomicLong();
        Thread step = new Thread(() -> {
            try {
                long before = minorFaults();
                for (int round = 0; round < ROUNDS; round++) {
                    Pointer[] blocks = new Pointer[BLOCKS];
                    for (int i = 0; i < BLOCKS; i++) {
                        blocks[i] = (Pointer) malloc.invoke(Pointer.class, new Object[] {BLOCK});
                        blocks[i].setMemory(0, BLOCK, (byte) round);
                    }
                    for (Pointer block : blocks) {
                        free.invokeVoid(new Object[] {block});
                    }
                }
                faults.set(minorFaults() - before);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "malloc-tuning-step");
        step.start();
        step.join();
        long oneRound = BLOCKS * BLOCK / PAGE;
        assertTrue(faults.get() < 4 * oneRound, faults.get() + " page faults over " + ROUNDS + " rounds of "
                + oneRound + " pages: freed blocks went back to the kernel");
    }

    /** This process's minor page faults so far (field 10 of /proc/self/stat). */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }
}
