package io.ferrymq.broker.internal.consume.client;

import java.util.List;

/**
 * The HEART_BEAT body (wire-protocol §4.1): one client instance's producer and consumer groups.
 * Unknown fields ({@code heartbeatFingerprint}, {@code withoutSub}) are ignored. Immutable.
 */
public record HeartbeatData(String clientID, List<ProducerData> producerDataSet, List<ConsumerData> consumerDataSet) {

    public HeartbeatData {
        producerDataSet = producerDataSet == null ? List.of() : List.copyOf(producerDataSet);
        consumerDataSet = consumerDataSet == null ? List.of() : List.copyOf(consumerDataSet);
    }

    /** A producer group of the client. */
    public record ProducerData(String groupName) {}

    /** A consumer group of the client with its subscriptions. */
    public record ConsumerData(
            String groupName,
            String consumeType,
            String messageModel,
            String consumeFromWhere,
            List<SubscriptionData> subscriptionDataSet,
            boolean unitMode) {

        public ConsumerData {
            subscriptionDataSet = subscriptionDataSet == null ? List.of() : List.copyOf(subscriptionDataSet);
        }
    }
}
