package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.internal.WireBodies.SubscriptionData;

/** One subscribed topic with its tag expression and version, as heartbeats and pulls carry it. Immutable. */
public record Subscription(String topic, TagExpression expression, long subVersion) {
    public SubscriptionData toWire() {
        return new SubscriptionData(
                topic, expression.text(), expression.tags(), expression.codes(), "TAG", subVersion, false);
    }
}
