package io.ferrymq.dlq;

import io.ferrymq.scheduler.DelayLevels;
import java.util.Objects;

/**
 * RocketMQ's default back-off: the delay of level {@code 3 + reconsumeTimes} of the broker's {@code
 * messageDelayLevel} table, clamped to its last level (wire-protocol §8). With the default table: 10 s,
 * 30 s, 1 m, 2 m, ... 20 m, 30 m, 1 h, then 2 h for every later retry. Its JSON form is {@code
 * {"type":"CUSTOMIZED"}} without a list, which is what RocketMQ 5 falls back to as well.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param levels the broker's {@code messageDelayLevel}
 */
public record LevelRetryPolicy(DelayLevels levels) implements RetryPolicy {
    /** The level of the first retry (for {@code reconsumeTimes} 0). */
    public static final int FIRST_LEVEL = 3;

    public LevelRetryPolicy {
        Objects.requireNonNull(levels, "levels");
    }

    /** The delay level {@code reconsumeTimes} maps to before clamping: {@code 3 + reconsumeTimes}. */
    public static int level(int reconsumeTimes) {
        return (int) Math.min((long) FIRST_LEVEL + Math.max(0, reconsumeTimes), Integer.MAX_VALUE);
    }

    @Override
    public long delayMs(int reconsumeTimes) {
        return Math.min(levels.delayMs(level(reconsumeTimes)), MAX_DELAY_MS);
    }

    @Override
    public String toJson() {
        return "{\"type\":\"CUSTOMIZED\"}";
    }
}
