package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import io.ferrymq.broker.internal.consume.wire.QueueKeyedJson;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.GetTopicStatsInfoRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET_TOPIC_STATS_INFO (202): per write queue its min and max offset and the store time of its last
 * message; RocketMQ's {@code TopicStatsTable} in fastjson's queue-keyed form. TOPIC_NOT_EXIST for an
 * unknown topic. Stateless.
 */
public final class TopicStatsHandler implements RequestHandler {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final String brokerName;

    public TopicStatsHandler(MessageStore store, TopicConfigTable topics, String brokerName) {
        this.store = store;
        this.topics = topics;
        this.brokerName = brokerName;
    }

    /** One queue's entry. */
    public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {}

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (GetTopicStatsInfoRequestHeader) RequestHeaders.decode(request);
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            return Answers.of(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist");
        }
        Map<MessageQueueJson, TopicOffset> table = new LinkedHashMap<>();
        for (int q = 0; q < topic.get().writeQueueNums(); q++) {
            long min = store.minOffset(header.topic(), q);
            long max = store.maxOffset(header.topic(), q);
            long last = max > min ? StoreTimes.at(store, header.topic(), q, max - 1) : 0;
            table.put(new MessageQueueJson(header.topic(), brokerName, q), new TopicOffset(min, max, last));
        }
        return Answers.success(request, QueueKeyedJson.offsetTable(table, ""));
    }
}
