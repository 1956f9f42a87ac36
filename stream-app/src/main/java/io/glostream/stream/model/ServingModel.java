package io.glostream.stream.model;

import io.glostream.core.model.TopicModel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded model shared by the stream threads, closed once it has been replaced and the last batch using
 * it has finished: a batch {@link #acquire}s it, infers, then {@link #release}s it.
 */
public final class ServingModel {

    private final TopicModel model;
    /** Leases plus one for being current; zero means closed. */
    private final AtomicInteger references = new AtomicInteger(1);

    public ServingModel(TopicModel model) {
        this.model = model;
    }

    public TopicModel model() {
        return model;
    }

    public String version() {
        return model.version();
    }

    /** Takes a lease; false when the model has already been closed (then take the holder's current one). */
    boolean acquire() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Ends a lease, or (once) being current; the last one out closes the model. */
    void release() {
        int count = references.decrementAndGet();
        if (count == 0) {
            model.close();
        } else if (count < 0) {
            throw new IllegalStateException("model " + model.version() + " released more often than acquired");
        }
    }

    /** Whether the model has been closed. */
    boolean closed() {
        return references.get() == 0;
    }
}
