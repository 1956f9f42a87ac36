package io.glostream.bench.e2e;

import io.glostream.stream.produce.Rate;
import java.util.Locale;
import java.util.Optional;

/**
 * The input rate of the latency phase: a share of the sustained throughput the same run measured
 * ({@code 50%}), or a fixed number of documents per second ({@code 300/s}).
 *
 * @param share fraction of the measured throughput in (0, 1], or 0 when {@code fixed} is given
 * @param fixed documents per second, or 0 when {@code share} is given
 */
public record LatencyRate(double share, double fixed) {

    public LatencyRate {
        if ((share > 0) == (fixed > 0) || share > 1 || Double.isInfinite(fixed) || share < 0 || fixed < 0) {
            throw new IllegalArgumentException("a latency rate is either a share in (0, 1] or a positive documents/s, got "
                    + share + " and " + fixed);
        }
    }

    /**
     * {@code off} (no latency phase), {@code P%} with P in (0, 100], or {@code N/s}.
     *
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static Optional<LatencyRate> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return Optional.empty();
        }
        if (value.endsWith("%")) {
            double percent;
            try {
                percent = Double.parseDouble(value.substring(0, value.length() - 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rate '" + text + "' is not P%, N/s or off");
            }
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("--rate '" + text + "' must be a share in (0%, 100%]");
            }
            return Optional.of(new LatencyRate(percent / 100, 0));
        }
        return Optional.of(new LatencyRate(0, Rate.parse(text).perSecond()));
    }

    /** Documents per second to send, given the sustained throughput the run measured. */
    public double perSecond(double measuredDocsPerSecond) {
        return fixed > 0 ? fixed : share * measuredDocsPerSecond;
    }

    /** How the rate was asked for: {@code 50%} or {@code 300/s}. */
    public String label() {
        return fixed > 0 ? String.format(Locale.ROOT, "%.0f/s", fixed) : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
