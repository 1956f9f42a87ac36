package io.glostream.stream.produce;

import io.glostream.schemas.DeadLetterReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code produce} run did: documents the cluster acknowledged, input records rejected before sending
 * (by reason, with the first few lines), and sends that failed.
 */
public final class ProduceSummary {

    /** How many rejected lines the summary lists one by one. */
    public static final int LISTED_REJECTIONS = 20;

    private final Map<DeadLetterReason, Long> rejectedByReason = new EnumMap<>(DeadLetterReason.class);
    private final List<InputRecord> listed = new ArrayList<>();
    private long sent;
    private long failed;
    private String firstFailure;
    private Duration elapsed = Duration.ZERO;

    synchronized void rejected(InputRecord record) {
        rejectedByReason.merge(record.reason(), 1L, Long::sum);
        if (listed.size() < LISTED_REJECTIONS) {
            listed.add(record);
        }
    }

    synchronized void acknowledged() {
        sent++;
    }

    synchronized void failed(Exception e) {
        failed++;
        if (firstFailure == null) {
            firstFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    synchronized void finished(Duration elapsed) {
        this.elapsed = elapsed;
    }

    /** Documents written and acknowledged. */
    public synchronized long sent() {
        return sent;
    }

    /** Input records not sent because they are not valid documents. */
    public synchronized long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected records of one reason. */
    public synchronized long rejected(DeadLetterReason reason) {
        return rejectedByReason.getOrDefault(reason, 0L);
    }

    /** The first {@value #LISTED_REJECTIONS} rejected records, in input order. */
    public synchronized List<InputRecord> rejections() {
        return List.copyOf(listed);
    }

    /** Valid documents the cluster did not acknowledge. */
    public synchronized long failed() {
        return failed;
    }

    /**
     * The summary as lines: totals, rejections by reason, the first rejected lines with their problems, and
     * the first send failure.
     */
    public synchronized List<String> lines(String topic) {
        List<String> lines = new ArrayList<>();
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "sent %d document%s to %s in %.1f s (%.1f/s)",
                sent, sent == 1 ? "" : "s", topic, seconds, sent / seconds));
        long rejected = rejected();
        head.append("; rejected ").append(rejected);
        if (rejected > 0) {
            List<String> reasons = new ArrayList<>();
            rejectedByReason.forEach((reason, count) -> reasons.add(reason + " " + count));
            head.append(" (").append(String.join(", ", reasons)).append(")");
        }
        if (failed > 0) {
            head.append("; failed ").append(failed);
        }
        lines.add(head.toString());
        for (InputRecord record : listed) {
            lines.add("  line " + record.line() + ": " + record.reason() + ": " + record.problem());
        }
        if (rejected > listed.size()) {
            lines.add("  ... and " + (rejected - listed.size()) + " more rejected");
        }
        if (firstFailure != null) {
            lines.add("  first send failure: " + firstFailure);
        }
        return lines;
    }
}
