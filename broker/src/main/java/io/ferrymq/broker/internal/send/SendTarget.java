package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.route.TopicConfig;

/** Where an admitted send goes: the topic's config and the queue chosen. Immutable. */
record SendTarget(TopicConfig topic, int queueId) {}
