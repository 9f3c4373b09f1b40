package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of UNREGISTER_CLIENT (35): one producer or consumer group of a client. Immutable;
 * absent optional fields are null.
 */
public record UnregisterClientRequestHeader(
        @Required String clientID, String producerGroup, String consumerGroup, String bname) {}
