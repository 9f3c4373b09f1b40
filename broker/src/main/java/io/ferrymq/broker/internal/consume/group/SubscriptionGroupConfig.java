package io.ferrymq.broker.internal.consume.group;

import java.util.Map;

/**
 * A consumer group's broker-side settings, in RocketMQ's JSON shape ({@code UPDATE_AND_CREATE_SUBSCRIPTIONGROUP}
 * body, {@code GET_ALL_SUBSCRIPTIONGROUP_CONFIG} entries). Absent fields take RocketMQ's defaults
 * (consume enabled, 1 retry queue, 16 retries, notify on membership changes). {@code groupRetryPolicy}
 * (RocketMQ 5's field) replaces the delay-level back-off of retries: {@code {"type":"EXPONENTIAL",
 * "exponentialRetryPolicy":{"initial":1000,"max":60000,"multiplier":2}}}, {@code
 * {"type":"CUSTOMIZED","customizedRetryPolicy":{"next":[1000,5000]}}} or {@code
 * {"type":"FIXED","fixedRetryPolicy":{"delayMs":5000}}}. Immutable.
 */
public record SubscriptionGroupConfig(
        String groupName,
        Boolean consumeEnable,
        Boolean consumeFromMinEnable,
        Boolean consumeBroadcastEnable,
        Boolean consumeMessageOrderly,
        Integer retryQueueNums,
        Integer retryMaxTimes,
        Long brokerId,
        Long whichBrokerWhenConsumeSlowly,
        Boolean notifyConsumerIdsChangedEnable,
        Integer groupSysFlag,
        Integer consumeTimeoutMinute,
        Map<String, String> attributes,
        Map<String, Object> groupRetryPolicy) {

    public SubscriptionGroupConfig {
        consumeEnable = consumeEnable == null ? Boolean.TRUE : consumeEnable;
        consumeFromMinEnable = consumeFromMinEnable == null ? Boolean.TRUE : consumeFromMinEnable;
        consumeBroadcastEnable = consumeBroadcastEnable == null ? Boolean.TRUE : consumeBroadcastEnable;
        consumeMessageOrderly = consumeMessageOrderly == null ? Boolean.FALSE : consumeMessageOrderly;
        retryQueueNums = retryQueueNums == null ? 1 : retryQueueNums;
        retryMaxTimes = retryMaxTimes == null ? 16 : retryMaxTimes;
        brokerId = brokerId == null ? 0L : brokerId;
        whichBrokerWhenConsumeSlowly = whichBrokerWhenConsumeSlowly == null ? 1L : whichBrokerWhenConsumeSlowly;
        notifyConsumerIdsChangedEnable =
                notifyConsumerIdsChangedEnable == null ? Boolean.TRUE : notifyConsumerIdsChangedEnable;
        groupSysFlag = groupSysFlag == null ? 0 : groupSysFlag;
        consumeTimeoutMinute = consumeTimeoutMinute == null ? 15 : consumeTimeoutMinute;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** {@code groupRetryPolicy} as JSON (RocketMQ 5's shape), or null for the delay-level back-off. */
    public String groupRetryPolicyJson() {
        return groupRetryPolicy == null ? null : com.alibaba.fastjson2.JSON.toJSONString(groupRetryPolicy);
    }

    /** A group with every setting at RocketMQ's default. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(
                groupName, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
