package io.ferrymq.dlq;

import io.ferrymq.scheduler.DelayLevels;
import java.util.Objects;

/**
 * Decides where a message sent back by a consumer (CONSUMER_SEND_MSG_BACK, wire-protocol §4.7) goes,
 * by RocketMQ's rule: to the dead-letter queue when the request asks for it ({@code delayLevel < 0}) or
 * when the message has been consumed {@code maxReconsumeTimes} times already; otherwise back through
 * the retry topic after a delay: the requested level's when {@code delayLevel > 0}, else the group's
 * {@link RetryPolicy} (RocketMQ's default: level {@code 3 + reconsumeTimes}).
 *
 * <p>Immutable; safe from any thread.
 */
public final class SendBackPlanner {
    /** RocketMQ's {@code retryMaxTimes}, a group's limit when the request gives none. */
    public static final int DEFAULT_RETRY_MAX_TIMES = 16;

    private final DelayLevels levels;

    /** @param levels the broker's {@code messageDelayLevel}, for an explicit {@code delayLevel} */
    public SendBackPlanner(DelayLevels levels) {
        this.levels = Objects.requireNonNull(levels, "levels");
    }

    /**
     * The limit that applies: the request header's {@code maxReconsumeTimes} when it is given and not
     * negative, else the group's {@code retryMaxTimes}.
     */
    public static int effectiveMaxReconsumeTimes(Integer requested, int groupRetryMaxTimes) {
        return requested != null && requested >= 0 ? requested : groupRetryMaxTimes;
    }

    /**
     * @param reconsumeTimes the failed message's stored reconsume count
     * @param maxReconsumeTimes {@link #effectiveMaxReconsumeTimes}
     * @param delayLevel the request's: 0 lets the broker decide, below 0 means straight to the DLQ,
     *     above 0 is that level (clamped to the last one)
     * @param policy the group's back-off, used when {@code delayLevel} is 0
     */
    public SendBackDecision plan(
            int reconsumeTimes, int maxReconsumeTimes, int delayLevel, RetryPolicy policy, long nowMs) {
        Objects.requireNonNull(policy, "policy");
        if (delayLevel < 0) {
            return SendBackDecision.deadLetter("the consumer asked for the DLQ (delayLevel " + delayLevel + ")");
        }
        if (reconsumeTimes >= maxReconsumeTimes) {
            return SendBackDecision.deadLetter(
                    "reconsumeTimes " + reconsumeTimes + " reached maxReconsumeTimes " + maxReconsumeTimes);
        }
        if (delayLevel > 0) {
            long delayMs = levels.delayMs(delayLevel);
            return SendBackDecision.retryAt(nowMs + delayMs, "delay level " + delayLevel + ": " + delayMs + " ms");
        }
        long delayMs = policy.delayMs(reconsumeTimes);
        return SendBackDecision.retryAt(nowMs + delayMs, "retry " + (reconsumeTimes + 1L) + ": " + delayMs + " ms");
    }
}
