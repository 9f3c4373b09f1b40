package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of UPDATE_AND_CREATE_TOPIC (17). {@code topicFilterType} is {@code SINGLE_TAG} or
 * {@code MULTI_TAG}; {@code attributes} is RocketMQ's {@code +key=value,...} text. Immutable;
 * absent optional fields are null.
 */
public record CreateTopicRequestHeader(
        @Required String topic,
        @Required String defaultTopic,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        @Required String topicFilterType,
        Integer topicSysFlag,
        Boolean order,
        String attributes,
        Boolean force,
        String bname) {}
