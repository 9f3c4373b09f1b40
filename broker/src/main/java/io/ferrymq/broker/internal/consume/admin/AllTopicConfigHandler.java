package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicConfigSerializeWrapper;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET_ALL_TOPIC_CONFIG (21): {@code {"dataVersion":{...},"topicConfigTable":{name: config}}}.
 * Stateless.
 */
public final class AllTopicConfigHandler implements RequestHandler {
    private final TopicConfigTable topics;

    public AllTopicConfigHandler(TopicConfigTable topics) {
        this.topics = topics;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        Map<String, TopicConfig> table = new TreeMap<>();
        for (TopicConfig config : topics.all()) {
            table.put(config.topicName(), config);
        }
        var body = new TopicConfigSerializeWrapper(topics.dataVersion(), table);
        return Answers.success(request, JsonBodyCodec.encode(body));
    }
}
