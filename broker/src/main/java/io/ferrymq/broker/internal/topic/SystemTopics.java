package io.ferrymq.broker.internal.topic;

import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics a RocketMQ broker keeps from its first start: TBW102 (the auto-create template, only
 * while auto-create is on), SELF_TEST_TOPIC, the cluster name and the broker name as topics (so
 * tools can address the cluster and the broker), and OFFSET_MOVED_EVENT. Stateless.
 */
public final class SystemTopics {
    private SystemTopics() {}

    /** The system topics for this broker. */
    public static List<TopicConfig> of(
            String clusterName, String brokerName, boolean autoCreateTopicEnable, int defaultTopicQueueNums) {
        int all = PermName.PERM_READ | PermName.PERM_WRITE | PermName.PERM_INHERIT;
        int readWrite = PermName.PERM_READ | PermName.PERM_WRITE;
        List<TopicConfig> topics = new ArrayList<>();
        if (autoCreateTopicEnable) {
            topics.add(
                    TopicConfig.of(TopicNames.AUTO_CREATE_TEMPLATE, defaultTopicQueueNums, defaultTopicQueueNums, all));
        }
        topics.add(TopicConfig.of(TopicNames.SELF_TEST_TOPIC, 1, 1, readWrite));
        topics.add(TopicConfig.of(clusterName, 16, 16, all));
        topics.add(TopicConfig.of(brokerName, 1, 1, readWrite));
        topics.add(TopicConfig.of(TopicNames.OFFSET_MOVED_EVENT, 1, 1, readWrite));
        return topics;
    }
}
