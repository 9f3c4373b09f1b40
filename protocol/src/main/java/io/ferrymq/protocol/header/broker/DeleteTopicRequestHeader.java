package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of DELETE_TOPIC_IN_BROKER (215). Immutable; absent optional fields are null.
 */
public record DeleteTopicRequestHeader(@Required String topic, String bname) {}
