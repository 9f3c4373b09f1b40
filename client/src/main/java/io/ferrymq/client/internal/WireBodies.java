package io.ferrymq.client.internal;

import io.ferrymq.client.MessageQueue;
import java.util.List;
import java.util.Set;

/**
 * The JSON request and response bodies the client exchanges with brokers (wire-protocol §4.1, §4.6,
 * §4.10), as records whose component names are RocketMQ's field names. Immutable.
 */
public final class WireBodies {
    private WireBodies() {}

    /** HEART_BEAT body. */
    public record HeartbeatData(
            String clientID,
            List<ConsumerData> consumerDataSet,
            List<ProducerData> producerDataSet,
            int heartbeatFingerprint,
            boolean withoutSub) {}

    /** One producer group in a heartbeat. */
    public record ProducerData(String groupName) {}

    /** One consumer group in a heartbeat. */
    public record ConsumerData(
            String groupName,
            String consumeType,
            String messageModel,
            String consumeFromWhere,
            List<SubscriptionData> subscriptionDataSet,
            boolean unitMode) {}

    /** One subscription in a heartbeat. */
    public record SubscriptionData(
            String topic,
            String subString,
            Set<String> tagsSet,
            Set<Integer> codeSet,
            String expressionType,
            long subVersion,
            boolean classFilterMode) {}

    /** GET_CONSUMER_LIST_BY_GROUP response body. */
    public record ConsumerIdList(List<String> consumerIdList) {}

    /** LOCK_BATCH_MQ and UNLOCK_BATCH_MQ request body. */
    public record LockBatchRequest(
            String clientId, String consumerGroup, Set<MessageQueue> mqSet, boolean onlyThisBroker) {}

    /** LOCK_BATCH_MQ response body. */
    public record LockBatchResult(Set<MessageQueue> lockOKMQSet) {}
}
