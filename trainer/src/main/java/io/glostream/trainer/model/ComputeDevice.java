package io.glostream.trainer.model;

import ai.djl.Device;
import java.util.Locale;

/** Where the model's arrays live and its arithmetic runs. */
public enum ComputeDevice {
    CPU,
    GPU;

    /** Parses {@code cpu} or {@code gpu}, ignoring case. */
    public static ComputeDevice parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("device must be cpu or gpu, got null");
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> CPU;
            case "gpu" -> GPU;
            default -> throw new IllegalArgumentException("device must be cpu or gpu, got '" + name + "'");
        };
    }

    /** The DJL device: the CPU, or the first GPU. */
    public Device toDjl() {
        return this == CPU ? Device.cpu() : Device.gpu();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
