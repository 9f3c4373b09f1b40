package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/**
 * DELETE_TOPIC_IN_NAMESRV (216) request header. Immutable.
 *
 * @param clusterName when set, only that cluster's brokers lose the topic; optional
 */
public record DeleteTopicFromNamesrvRequestHeader(@Required String topic, String clusterName) {}
