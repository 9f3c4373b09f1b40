package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.client.ConsumerGroupInfo;
import io.ferrymq.broker.internal.consume.client.SubscriptionData;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupConfig;
import io.ferrymq.broker.internal.consume.group.SubscriptionGroupTable;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import java.util.Optional;

/**
 * Decides whether a pull may read, and with which TAG expression (§4.4 steps 1–2): the group
 * (auto-created when allowed, else 26; consume disabled → 16), the topic (17), its read perm (16),
 * the queue id (29); then the subscription — from the request with the SUBSCRIPTION flag, else the
 * one HEART_BEAT registered (24 when the group or topic is unknown). A request {@code subVersion}
 * newer than the registered one is accepted when the topic is registered (the heartbeat/pull race of
 * G10), so FerryMQ never answers 25. SQL92 → 23. Stateless and thread-safe.
 */
public final class PullGate {
    private final TopicConfigTable topics;
    private final SubscriptionGroupTable groups;
    private final ClientRegistry registry;
    private final boolean autoCreateSubscriptionGroup;

    public PullGate(
            TopicConfigTable topics,
            SubscriptionGroupTable groups,
            ClientRegistry registry,
            boolean autoCreateSubscriptionGroup) {
        this.topics = topics;
        this.groups = groups;
        this.registry = registry;
        this.autoCreateSubscriptionGroup = autoCreateSubscriptionGroup;
    }

    /** Either a refusal to send as is, or the expression to read with. */
    public record Verdict(RemotingCommand refusal, TagExpression expression) {}

    public Verdict check(RemotingCommand request, PullMessageRequestHeader header) {
        Optional<SubscriptionGroupConfig> group = autoCreateSubscriptionGroup
                ? Optional.of(groups.createIfAbsent(header.consumerGroup()))
                : groups.find(header.consumerGroup());
        if (group.isEmpty()) {
            return refuse(
                    request,
                    ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group [" + header.consumerGroup() + "] does not exist");
        }
        if (!group.get().consumeEnable()) {
            return refuse(
                    request,
                    ResponseCode.NO_PERMISSION,
                    "subscription group [" + header.consumerGroup() + "] no permission to consume");
        }
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            return refuse(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist");
        }
        return checkQueue(request, header, topic.get());
    }

    private Verdict checkQueue(RemotingCommand request, PullMessageRequestHeader header, TopicConfig topic) {
        if (!PermName.isReadable(topic.perm())) {
            return refuse(
                    request,
                    ResponseCode.NO_PERMISSION,
                    "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        if (header.queueId() < 0 || header.queueId() >= topic.readQueueNums()) {
            return refuse(
                    request,
                    ResponseCode.INVALID_PARAMETER,
                    "queueId[" + header.queueId()
                            + "] is illegal, topic:[" + header.topic() + "] topicConfig.readQueueNums:["
                            + topic.readQueueNums() + "]");
        }
        return header.hasFlag(PullMessageRequestHeader.FLAG_SUBSCRIPTION)
                ? fromRequest(request, header)
                : fromRegistry(request, header);
    }

    private static Verdict fromRequest(RemotingCommand request, PullMessageRequestHeader header) {
        String type = header.expressionType();
        if (type != null && !SubscriptionData.TAG.equalsIgnoreCase(type)) {
            return refuse(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED, unsupported(type));
        }
        return new Verdict(null, TagExpression.parse(header.subscription()));
    }

    private Verdict fromRegistry(RemotingCommand request, PullMessageRequestHeader header) {
        Optional<ConsumerGroupInfo> group = registry.consumerGroup(header.consumerGroup());
        if (group.isEmpty()) {
            return refuse(
                    request,
                    ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's group info not exist, group: " + header.consumerGroup());
        }
        SubscriptionData sub = group.get().subscription(header.topic());
        if (sub == null) {
            return refuse(
                    request,
                    ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's subscription not exist, group: " + header.consumerGroup() + " topic: "
                            + header.topic());
        }
        if (!sub.isTagType()) {
            return refuse(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED, unsupported(sub.expressionType()));
        }
        return new Verdict(null, TagExpression.parse(sub.subString()));
    }

    private static String unsupported(String type) {
        return "expression type " + type + " is not supported by FerryMQ; subscribe by TAG";
    }

    private static Verdict refuse(RemotingCommand request, int code, String remark) {
        return new Verdict(RemotingCommand.responseTo(request, code, remark), null);
    }
}
