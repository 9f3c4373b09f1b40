package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** REGISTER_TOPIC_IN_NAMESRV (217) request header; the body is a TopicRouteData. Immutable. */
public record RegisterTopicRequestHeader(@Required String topic) {}
