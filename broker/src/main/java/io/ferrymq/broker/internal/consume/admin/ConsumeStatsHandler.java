package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import io.ferrymq.broker.internal.consume.wire.QueueKeyedJson;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * GET_CONSUME_STATS (208): per queue of the topic (or of every topic the group has offsets in or
 * subscribes to) the broker offset (max), the group's offset (0 when none) and the store time of the
 * last consumed message; lag = broker − consumer. Body: RocketMQ's {@code ConsumeStats} in fastjson's
 * queue-keyed form, {@code consumeTps} 0. Stateless.
 */
public final class ConsumeStatsHandler implements RequestHandler {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;
    private final ClientRegistry registry;
    private final String brokerName;

    public ConsumeStatsHandler(
            MessageStore store,
            TopicConfigTable topics,
            ConsumerOffsetTable offsets,
            ClientRegistry registry,
            String brokerName) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.registry = registry;
        this.brokerName = brokerName;
    }

    /** One queue's entry. */
    public record OffsetWrapper(long brokerOffset, long consumerOffset, long pullOffset, long lastTimestamp) {}

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (GetConsumeStatsRequestHeader) RequestHeaders.decode(request);
        String group = header.consumerGroup();
        Map<MessageQueueJson, OffsetWrapper> table = new LinkedHashMap<>();
        for (String topicName : topicsOf(group, header.topic())) {
            Optional<TopicConfig> topic = topics.find(topicName);
            if (topic.isEmpty()) {
                continue;
            }
            for (int q = 0; q < topic.get().writeQueueNums(); q++) {
                table.put(new MessageQueueJson(topicName, brokerName, q), entry(group, topicName, q));
            }
        }
        return Answers.success(request, QueueKeyedJson.offsetTable(table, ",\"consumeTps\":0.0"));
    }

    private OffsetWrapper entry(String group, String topic, int queueId) {
        long brokerOffset = store.maxOffset(topic, queueId);
        long consumerOffset = offsets.find(group, topic, queueId).orElse(0);
        long lastTimestamp = consumerOffset > 0 ? StoreTimes.at(store, topic, queueId, consumerOffset - 1) : 0;
        return new OffsetWrapper(brokerOffset, consumerOffset, consumerOffset, lastTimestamp);
    }

    private Set<String> topicsOf(String group, String topic) {
        Set<String> names = new TreeSet<>();
        if (topic != null && !topic.isBlank()) {
            names.add(topic);
            return names;
        }
        names.addAll(offsets.ofGroup(group).keySet());
        registry.consumerGroup(group)
                .ifPresent(info -> names.addAll(info.subscriptions().keySet()));
        return names;
    }
}
