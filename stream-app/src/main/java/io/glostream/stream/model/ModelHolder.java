package io.glostream.stream.model;

import io.glostream.core.model.TopicModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model currently serving. Swapping is atomic: a batch that has leased a model keeps it to the end
 * (so a batch never mixes versions), the next batch gets the new one, and the old one is closed when its
 * last batch is done.
 */
public final class ModelHolder implements AutoCloseable {

    private final AtomicReference<ServingModel> current;

    public ModelHolder(TopicModel initial) {
        this.current = new AtomicReference<>(new ServingModel(initial));
    }

    /** Leases the current model for one batch; {@link Lease#close} gives it back. */
    public Lease lease() {
        while (true) {
            ServingModel serving = current.get();
            if (serving == null) {
                throw new IllegalStateException("the model holder is closed");
            }
            if (serving.acquire()) {
                return new Lease(serving);
            }
        }
    }

    /** The version now serving. */
    public String version() {
        ServingModel serving = current.get();
        if (serving == null) {
            throw new IllegalStateException("the model holder is closed");
        }
        return serving.version();
    }

    /** The languages of the model now serving, in its bundle's order. */
    public List<String> languages() {
        ServingModel serving = current.get();
        if (serving == null) {
            throw new IllegalStateException("the model holder is closed");
        }
        return serving.model().languages();
    }

    /** Makes {@code next} current; the model it replaces closes after its last lease. */
    public void swap(TopicModel next) {
        ServingModel previous = current.getAndSet(new ServingModel(next));
        if (previous == null) {
            current.set(null);
            next.close();
            throw new IllegalStateException("the model holder is closed");
        }
        previous.release();
    }

    @Override
    public void close() {
        ServingModel last = current.getAndSet(null);
        if (last != null) {
            last.release();
        }
    }

    /** One batch's use of a model. */
    public static final class Lease implements AutoCloseable {
        private final ServingModel serving;
        private boolean released;

        private Lease(ServingModel serving) {
            this.serving = serving;
        }

        public TopicModel model() {
            if (released) {
                throw new IllegalStateException("the lease of " + serving.version() + " has ended");
            }
            return serving.model();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                serving.release();
            }
        }
    }
}
