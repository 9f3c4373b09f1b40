package io.ferrymq.dlq;

/**
 * How long a message that failed to be consumed waits before it is delivered again: the retry
 * back-off of a consumer group. A group uses RocketMQ's delay-level table unless its subscription
 * config names another policy ({@link RetryPolicies#parse}).
 *
 * <p>Implementations are immutable records; safe from any thread.
 */
public sealed interface RetryPolicy
        permits LevelRetryPolicy, FixedRetryPolicy, ExponentialRetryPolicy, ListRetryPolicy {
    /**
     * The longest delay a policy may give: 365 days, the scheduler's default {@code timerMaxDelaySec}.
     * A longer one is almost surely a unit mistake (seconds given as ms the other way round).
     */
    long MAX_DELAY_MS = 365L * 24 * 3_600_000;

    /**
     * The delay before the next delivery of a message that has failed after being consumed {@code
     * reconsumeTimes} times before this failure (0 when its first delivery failed), in ms; never
     * negative, never above {@link #MAX_DELAY_MS}. A negative count is taken as 0.
     */
    long delayMs(int reconsumeTimes);

    /** This policy in RocketMQ 5's {@code groupRetryPolicy} JSON shape; {@link RetryPolicies#parse} reads it back. */
    String toJson();
}
