package io.glostream.trainer.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * Keeps glibc from handing large freed blocks back to the kernel. PyTorch's CPU allocator does not cache:
 * every training step allocates and frees tens of megabytes of temporaries, and with glibc's defaults those
 * come from fresh mmaps or trimmed heap pages, so each step page-faults them in again (about 14,000 faults
 * and twice the step time at V = 5000 + 5000, K = 50). Fixing the mmap threshold at its maximum and raising
 * the trim threshold makes the blocks reusable; the cost is that the process keeps its peak heap. Elsewhere
 * than glibc this does nothing.
 */
final class MallocTuning {

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's ceiling for the mmap threshold on 64-bit systems; larger blocks are still mmapped. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;

    private static volatile Boolean applied;

    private MallocTuning() {
    }

    /** Applies the thresholds once per process; true when glibc accepted both. */
    static boolean apply() {
        Boolean done = applied;
        if (done == null) {
            synchronized (MallocTuning.class) {
                done = applied;
                if (done == null) {
                    done = tryMallopt();
                    applied = done;
                }
            }
        }
        return done;
    }

    private static boolean tryMallopt() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            return mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc (musl has no mallopt): run with the allocator's defaults
            return false;
        }
    }
}
