package io.ferrymq.broker.internal.consume.group;

import java.util.Map;

/**
 * A consumer group's broker-side settings, in RocketMQ's JSON shape ({@code UPDATE_AND_CREATE_SUBSCRIPTIONGROUP}
 * body, {@code GET_ALL_SUBSCRIPTIONGROUP_CONFIG} entries). Absent fields take RocketMQ's defaults
 * (consume enabled, 1 retry queue, 16 retries, notify on membership changes). Immutable.
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
        Map<String, String> attributes) {

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

    /** A group with every setting at RocketMQ's default. */
    public static SubscriptionGroupConfig defaults(String groupName) {
        return new SubscriptionGroupConfig(
                groupName, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
