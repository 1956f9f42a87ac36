package io.glostream.trainer.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * Keeps glibc from handing large freed blocks back to the kernel. PyTorch's CPU allocator does not cache:
 * every training step allocates and frees tens of megabytes of temporaries, and with glibc's defaults those
 * come from fresh mmaps or trimmed heap pages, so each step page-faults them in again (about 14,000 faults
 * and twice the step time at V = 5000 + 5000, K = 50). Fixing the mmap threshold at its maximum and raising
 * the trim threshold makes the blocks reusable. Training runs on a thread other than the process's first, so its
 * blocks come from a per-thread arena, whose 64 MB heaps glibc unmaps whole whenever one empties, whatever the
 * trim threshold; a top pad of a whole heap stops that (an EC News run lost two thirds of its speed to 28,000
 * faults a second from one heap mapped and unmapped eight times a second, while another seed in the same state
 * faulted none). The cost is that the process keeps its peak heap. Elsewhere than glibc this does nothing.
 */
final class MallocTuning {

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's ceiling for the mmap threshold on 64-bit systems; larger blocks are still mmapped. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;
    /** glibc's per-thread heap size on 64-bit systems: a heap never empties by more than this. */
    private static final int TOP_PAD = 64 << 20;

    private static volatile Boolean applied;

    private MallocTuning() {
    }

    /** Applies the thresholds and the top pad once per process; true when glibc accepted all three. */
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
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1
                    && mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // not glibc (musl has no mallopt): run with the allocator's defaults
            return false;
        }
    }
}
