package io.ferrymq.broker.internal.send;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.topic.TopicNames;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicSysFlag;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a send may go to its topic and which queue it takes (wire-protocol §4.3 steps 1–3):
 * legal name, not a system topic, broker and topic writable, the topic known or auto-created from
 * the header's template, the queue id in range (negative: a random writable queue). Thread-safe.
 */
final class TopicAdmission {
    private final SendSettings settings;
    private final TopicConfigTable topics;

    TopicAdmission(SendSettings settings, TopicConfigTable topics) {
        this.settings = settings;
        this.topics = topics;
    }

    SendTarget admit(SendMessageRequestHeader header, String producer) throws SendRejection {
        String name = header.topic();
        String problem = TopicNames.problem(name);
        if (problem != null) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, problem);
        }
        if (TopicNames.isNotWritableByProducers(name)) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION, "sending message to topic[" + name + "] is forbidden (system topic)");
        }
        if (!PermName.isWriteable(settings.brokerPermission())) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION,
                    "the broker[" + settings.brokerName() + "] sending message is forbidden (brokerPermission "
                            + settings.brokerPermission() + ")");
        }
        TopicConfig topic = resolve(header, name);
        if (!PermName.isWriteable(topic.perm())) {
            throw new SendRejection(
                    ResponseCode.NO_PERMISSION,
                    "the topic[" + name + "] sending message is forbidden (perm " + PermName.toText(topic.perm())
                            + ")");
        }
        return new SendTarget(topic, queue(header.queueId(), topic, producer));
    }

    private TopicConfig resolve(SendMessageRequestHeader header, String name) throws SendRejection {
        Optional<TopicConfig> known = topics.find(name);
        if (known.isPresent()) {
            return known.get();
        }
        if (TopicNames.isRetry(name)) {
            return topics.createIfAbsent(name, 1);
        }
        int sysFlag = TopicSysFlag.build(Boolean.TRUE.equals(header.unitMode()), false);
        return topics.createOnSend(name, header.defaultTopic(), header.defaultTopicQueueNums(), sysFlag)
                .orElseThrow(() -> new SendRejection(
                        ResponseCode.TOPIC_NOT_EXIST, "topic[" + name + "] not exist, apply first please!"));
    }

    private static int queue(int requested, TopicConfig topic, String producer) throws SendRejection {
        if (requested < 0) {
            return ThreadLocalRandom.current().nextInt(Math.max(1, topic.writeQueueNums()));
        }
        int queues = Math.max(topic.readQueueNums(), topic.writeQueueNums());
        if (requested >= queues) {
            throw new SendRejection(
                    ResponseCode.INVALID_PARAMETER,
                    "queueId[" + requested + "] is illegal, topic:[" + topic.topicName() + "] has " + queues
                            + " queues (readQueueNums " + topic.readQueueNums() + ", writeQueueNums "
                            + topic.writeQueueNums() + "), producer:[" + producer + "]");
        }
        return requested;
    }
}
