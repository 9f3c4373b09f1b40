package io.ferrymq.dlq;

import io.ferrymq.dlq.internal.Delays;

/**
 * Exponential back-off with a cap: {@code min(maxMs, initialMs * multiplier^reconsumeTimes)}. JSON
 * (RocketMQ 5's shape): {@code {"type":"EXPONENTIAL","exponentialRetryPolicy":{"initial":1000,
 * "max":60000,"multiplier":2}}}.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param initialMs the first retry's delay, 0 up to {@code maxMs}
 * @param multiplier growth per retry, at least 1 (need not be whole)
 * @param maxMs the cap, at most {@link RetryPolicy#MAX_DELAY_MS}
 */
public record ExponentialRetryPolicy(long initialMs, double multiplier, long maxMs) implements RetryPolicy {
    /** RocketMQ 5's defaults for fields its JSON leaves out: 5 s, times 2, at most 2 h. */
    public static final long DEFAULT_INITIAL_MS = 5_000;

    public static final double DEFAULT_MULTIPLIER = 2;
    public static final long DEFAULT_MAX_MS = 7_200_000;

    public ExponentialRetryPolicy {
        Delays.check("exponentialRetryPolicy.initial", initialMs);
        Delays.check("exponentialRetryPolicy.max", maxMs);
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException(
                    "exponentialRetryPolicy.multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (maxMs < initialMs) {
            throw new IllegalArgumentException("exponentialRetryPolicy.max (" + maxMs
                    + ") must not be below exponentialRetryPolicy.initial (" + initialMs + ")");
        }
    }

    @Override
    public long delayMs(int reconsumeTimes) {
        if (initialMs == 0) {
            return 0;
        }
        double delay = initialMs * Math.pow(multiplier, Math.max(0, reconsumeTimes));
        return delay < maxMs ? (long) delay : maxMs; // an overflow to infinity is capped too
    }

    @Override
    public String toJson() {
        String growth = multiplier == Math.rint(multiplier) && multiplier < 1e15
                ? Long.toString((long) multiplier)
                : Double.toString(multiplier);
        return "{\"type\":\"EXPONENTIAL\",\"exponentialRetryPolicy\":{\"initial\":" + initialMs + ",\"max\":" + maxMs
                + ",\"multiplier\":" + growth + "}}";
    }
}
