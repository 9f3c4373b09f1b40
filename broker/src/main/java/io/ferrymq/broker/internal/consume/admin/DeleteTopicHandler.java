package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.offset.ConsumerOffsetTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.DeleteTopicRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * DELETE_TOPIC_IN_BROKER (215): removes the topic and every group's offsets in it; SUCCESS even when
 * it did not exist (as Apache). Messages stay in the log until retention. Stateless.
 */
public final class DeleteTopicHandler implements RequestHandler {
    private final TopicConfigTable topics;
    private final ConsumerOffsetTable offsets;

    public DeleteTopicHandler(TopicConfigTable topics, ConsumerOffsetTable offsets) {
        this.topics = topics;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (DeleteTopicRequestHeader) RequestHeaders.decode(request);
        topics.delete(header.topic());
        offsets.deleteTopic(header.topic());
        return Answers.success(request);
    }
}
