package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * UPDATE_CONSUMER_OFFSET (15): stores the group's offset. Usually oneway; the transport drops the
 * SUCCESS returned here for a oneway request (G22). Stateless.
 */
public final class UpdateConsumerOffsetHandler implements RequestHandler {
    private final ConsumerOffsetTable offsets;

    public UpdateConsumerOffsetHandler(ConsumerOffsetTable offsets) {
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (UpdateConsumerOffsetRequestHeader) RequestHeaders.decode(request);
        offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        return Answers.success(request);
    }
}
