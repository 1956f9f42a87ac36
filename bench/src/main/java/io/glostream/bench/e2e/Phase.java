package io.glostream.bench.e2e;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * One phase of a run: documents {@code firstIndex .. firstIndex + documents - 1} of the corpus plus
 * {@code malformed} records, their send times, the broker's append times of the input records, and what came back
 * for them.
 *
 * <p>The sender writes send times and (from its acknowledgements) input append times; the {@link ResultCollector}'s
 * thread alone records results, and readers look at those only after {@link #await} returned true (the latch orders
 * the writes before the reads). A document's latency splits at its input append time into ingest (send to input
 * append: the harness's producer and the broker) and app (input append to output append: the stream app).
 */
public final class Phase {

    /** Latencies are recorded in milliseconds up to an hour, to 3 significant digits. */
    private static final long MAX_LATENCY_MS = TimeUnit.HOURS.toMillis(1);

    private final int firstIndex;
    private final int documents;
    private final int malformed;
    private final int unmeasured;
    private final AtomicLongArray sendMillis;
    private final AtomicLongArray inputAppendMillis;
    private final long[] appendLatencyMillis;
    private final BitSet seen = new BitSet();
    private final Set<Long> deadLetterOffsets = new HashSet<>();
    private final Histogram appendLatency = new Histogram(MAX_LATENCY_MS, 3);
    private final Histogram visibleLatency = new Histogram(MAX_LATENCY_MS, 3);
    private final Histogram ingestLatency = new Histogram(MAX_LATENCY_MS, 3);
    private final Histogram appLatency = new Histogram(MAX_LATENCY_MS, 3);
    private final AtomicLong results = new AtomicLong();
    private final CountDownLatch complete = new CountDownLatch(1);
    private int tagged;
    private int deadLetters;
    private int duplicates;
    private long firstAppendMillis = Long.MAX_VALUE;
    private long lastAppendMillis = Long.MIN_VALUE;

    public Phase(int firstIndex, int documents, int malformed) {
        this(firstIndex, documents, malformed, 0);
    }

    /**
     * A phase whose first {@code unmeasured} documents count as results but not in its latencies (only in its
     * {@link #timeline}).
     */
    public Phase(int firstIndex, int documents, int malformed, int unmeasured) {
        if (firstIndex < 0 || documents < 1 || malformed < 0 || unmeasured < 0 || unmeasured >= documents) {
            throw new IllegalArgumentException("a phase needs firstIndex >= 0, documents >= 1, malformed >= 0 and "
                    + "0 <= unmeasured < documents, got " + firstIndex + ", " + documents + ", " + malformed + ", "
                    + unmeasured);
        }
        this.firstIndex = firstIndex;
        this.documents = documents;
        this.malformed = malformed;
        this.unmeasured = unmeasured;
        this.sendMillis = new AtomicLongArray(documents);
        this.inputAppendMillis = new AtomicLongArray(documents);
        this.appendLatencyMillis = new long[documents];
    }

    public int firstIndex() {
        return firstIndex;
    }

    public int documents() {
        return documents;
    }

    public int malformed() {
        return malformed;
    }

    /** The leading documents left out of the latencies. */
    public int unmeasured() {
        return unmeasured;
    }

    /** The documents whose latencies count: all but the {@link #unmeasured} first. */
    public int measuredDocuments() {
        return documents - unmeasured;
    }

    /** Results this phase waits for: one per document and per malformed record. */
    public long expected() {
        return (long) documents + malformed;
    }

    /** Whether document {@code index} of the corpus belongs to this phase. */
    public boolean holds(int index) {
        return index >= firstIndex && index - firstIndex < documents;
    }

    /** Notes when document {@code index} was sent (its record and document timestamp). */
    public void sent(int index, long millis) {
        sendMillis.set(index - firstIndex, millis);
    }

    /** Notes when the broker appended document {@code index}'s input record (its acknowledged LogAppendTime). */
    public void inputAppended(int index, long millis) {
        inputAppendMillis.set(index - firstIndex, millis);
    }

    /** Distinct results so far; safe from any thread. */
    public long results() {
        return results.get();
    }

    /** A tagged document appended at {@code appendMillis} and read (committed) at {@code receiveMillis}. */
    void tagged(int index, long appendMillis, long receiveMillis) {
        if (seen.get(index - firstIndex)) {
            duplicates++;
            return;
        }
        seen.set(index - firstIndex);
        tagged++;
        long sent = sendMillis.get(index - firstIndex);
        long append = clamp(appendMillis - sent);
        appendLatencyMillis[index - firstIndex] = append;
        if (index - firstIndex >= unmeasured) {
            appendLatency.recordValue(append);
            visibleLatency.recordValue(clamp(receiveMillis - sent));
            long input = inputAppendMillis.get(index - firstIndex);
            if (input > 0) {
                ingestLatency.recordValue(clamp(input - sent));
                appLatency.recordValue(clamp(appendMillis - input));
            }
        }
        appended(appendMillis);
    }

    /** A dead letter of the record at {@code partition}/{@code offset} of the input, appended at {@code appendMillis}. */
    void deadLetter(int partition, long offset, long appendMillis) {
        if (!deadLetterOffsets.add(((long) partition << 48) ^ offset)) {
            duplicates++;
            return;
        }
        deadLetters++;
        appended(appendMillis);
    }

    private void appended(long appendMillis) {
        firstAppendMillis = Math.min(firstAppendMillis, appendMillis);
        lastAppendMillis = Math.max(lastAppendMillis, appendMillis);
        if (results.incrementAndGet() == expected()) {
            complete.countDown();
        }
    }

    private static long clamp(long latency) {
        return Math.max(0, Math.min(latency, MAX_LATENCY_MS));
    }

    /** Waits until every expected result arrived; false when {@code timeoutMillis} passed first. */
    public boolean await(long timeoutMillis) throws InterruptedException {
        return complete.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Distinct tagged documents (read after {@link #await}). */
    public int tagged() {
        return tagged;
    }

    /** Distinct dead letters (read after {@link #await}). */
    public int deadLetters() {
        return deadLetters;
    }

    /** Results seen again: zero under exactly-once (read after {@link #await}). */
    public int duplicates() {
        return duplicates;
    }

    /** Milliseconds from the first result's append to the last one's (read after {@link #await}). */
    public long appendSpanMillis() {
        return lastAppendMillis - firstAppendMillis;
    }

    /**
     * Results per second from the first append to the last: {@code (results - 1) / span}, since the span
     * starts with the first result. Infinite when everything was appended within the same millisecond.
     */
    public double resultsPerSecond() {
        long span = appendSpanMillis();
        return span <= 0 ? Double.POSITIVE_INFINITY : (results.get() - 1) * 1000.0 / span;
    }

    /** Send time to output append time, per tagged document (read after {@link #await}). */
    public Histogram appendLatency() {
        return appendLatency;
    }

    /**
     * Send to the broker's append of the input record, per tagged document whose acknowledgement came before its
     * result (read after {@link #await}).
     */
    public Histogram ingestLatency() {
        return ingestLatency;
    }

    /** Input record append to output append, per document of {@link #ingestLatency} (read after {@link #await}). */
    public Histogram appLatency() {
        return appLatency;
    }

    /**
     * The append latencies over time: the tagged documents, unmeasured ones included, in consecutive slices of
     * {@code sliceMillis} by send time, from the phase's first send, each slice's count, p99 and max (read after
     * {@link #await}). It shows whether a phase's tail is spread over the phase or comes from a few episodes, and
     * when they were. The last slice can hold only the phase's last few documents.
     */
    public List<LatencySlice> timeline(long sliceMillis) {
        if (sliceMillis < 1) {
            throw new IllegalArgumentException("a slice needs at least 1 ms, got " + sliceMillis);
        }
        long start = Long.MAX_VALUE;
        for (int i = 0; i < documents; i++) {
            long sent = sendMillis.get(i);
            if (sent > 0) {
                start = Math.min(start, sent);
            }
        }
        List<Histogram> slices = new ArrayList<>();
        for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
            int slice = (int) ((sendMillis.get(i) - start) / sliceMillis);
            while (slices.size() <= slice) {
                slices.add(new Histogram(MAX_LATENCY_MS, 3));
            }
            slices.get(slice).recordValue(appendLatencyMillis[i]);
        }
        List<LatencySlice> timeline = new ArrayList<>();
        for (int slice = 0; slice < slices.size(); slice++) {
            Histogram latencies = slices.get(slice);
            timeline.add(new LatencySlice(slice * sliceMillis / 1000.0, latencies.getTotalCount(),
                    latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(99),
                    latencies.getTotalCount() == 0 ? 0 : latencies.getMaxValue()));
        }
        return timeline;
    }

    /** One slice of {@link #timeline}: from {@code startS} seconds after the phase's first send. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LatencySlice(double startS, long documents, long p99Ms, long maxMs) {
    }

    /** Send time to the moment a read-committed consumer received the result (read after {@link #await}). */
    public Histogram visibleLatency() {
        return visibleLatency;
    }
}
