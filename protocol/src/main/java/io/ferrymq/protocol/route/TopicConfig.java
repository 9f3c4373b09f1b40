package io.ferrymq.protocol.route;

import java.util.Map;
import java.util.TreeMap;

/**
 * A broker's settings for one topic, as carried in its registration body:
 * {@code {"topicName":"T","readQueueNums":4,"writeQueueNums":4,"perm":6,"topicFilterType":"SINGLE_TAG",
 * "topicSysFlag":0,"order":false,"attributes":{}}}. Immutable.
 *
 * @param topicFilterType {@code SINGLE_TAG} (the default when absent) or {@code MULTI_TAG}
 * @param perm {@link PermName} bits
 * @param topicSysFlag {@link TopicSysFlag} bits
 */
public record TopicConfig(
        String topicName,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        int topicSysFlag,
        boolean order,
        Map<String, String> attributes) {

    public static final String SINGLE_TAG = "SINGLE_TAG";

    public TopicConfig {
        topicFilterType = topicFilterType == null ? SINGLE_TAG : topicFilterType;
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** A normal topic: SINGLE_TAG, no sys flag, not ordered, no attributes. */
    public static TopicConfig of(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, SINGLE_TAG, 0, false, Map.of());
    }

    public TopicConfig withPerm(int newPerm) {
        return new TopicConfig(
                topicName, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag, order, attributes);
    }
}
