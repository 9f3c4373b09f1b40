package io.ferrymq.dlq;

import io.ferrymq.dlq.internal.PolicyJson;
import io.ferrymq.scheduler.DelayLevels;

/**
 * Reads a consumer group's retry policy from its subscription config. The JSON is RocketMQ 5's
 * {@code groupRetryPolicy}:
 *
 * <pre>
 *  {"type":"EXPONENTIAL","exponentialRetryPolicy":{"initial":1000,"max":60000,"multiplier":2}}
 *  {"type":"CUSTOMIZED","customizedRetryPolicy":{"next":[1000,5000,30000]}}
 *  {"type":"CUSTOMIZED"}                                  (the delay-level table, RocketMQ's default)
 *  {"type":"FIXED","fixedRetryPolicy":{"delayMs":5000}}   (FerryMQ's addition)
 * </pre>
 *
 * Delays are in ms. {@code type} is case-insensitive and defaults to CUSTOMIZED; EXPONENTIAL fields
 * left out take RocketMQ's defaults ({@link ExponentialRetryPolicy#DEFAULT_INITIAL_MS} ...). Unknown
 * keys, a wrong type of value, or a value out of range are refused, never ignored.
 *
 * <p>Stateless; safe from any thread.
 */
public final class RetryPolicies {
    private RetryPolicies() {}

    /** RocketMQ's default: {@code 3 + reconsumeTimes} over {@code levels}. */
    public static RetryPolicy levels(DelayLevels levels) {
        return new LevelRetryPolicy(levels);
    }

    /**
     * The policy {@code json} describes; null or blank gives {@link #levels(DelayLevels)}.
     *
     * @param levels the broker's {@code messageDelayLevel}, for the level policy
     * @throws IllegalArgumentException saying what is wrong and where, when {@code json} is not valid
     *     JSON, not an object, or not a policy this class knows
     */
    public static RetryPolicy parse(String json, DelayLevels levels) {
        if (json == null || json.isBlank()) {
            return levels(levels);
        }
        return PolicyJson.parse(json, levels);
    }
}
