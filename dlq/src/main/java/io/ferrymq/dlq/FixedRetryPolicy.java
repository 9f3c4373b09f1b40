package io.ferrymq.dlq;

import io.ferrymq.dlq.internal.Delays;

/**
 * The same delay before every retry. JSON: {@code {"type":"FIXED","fixedRetryPolicy":{"delayMs":5000}}}
 * (a FerryMQ addition to RocketMQ 5's shape).
 *
 * <p>Immutable; safe from any thread.
 *
 * @param delayMs 0 (retry at once) up to {@link RetryPolicy#MAX_DELAY_MS}
 */
public record FixedRetryPolicy(long delayMs) implements RetryPolicy {
    public FixedRetryPolicy {
        Delays.check("fixedRetryPolicy.delayMs", delayMs);
    }

    @Override
    public long delayMs(int reconsumeTimes) {
        return delayMs;
    }

    @Override
    public String toJson() {
        return "{\"type\":\"FIXED\",\"fixedRetryPolicy\":{\"delayMs\":" + delayMs + "}}";
    }
}
