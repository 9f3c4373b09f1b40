package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.QueryConsumerOffsetResponseHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.OptionalLong;

/**
 * QUERY_CONSUMER_OFFSET (14): the group's committed offset. With none stored, a queue that still
 * starts at offset 0 answers 0 (wire-protocol G20: a new group reads a young queue from the start,
 * as Apache does while the first message is in memory; FerryMQ's rule is simply "min offset is 0"),
 * unless the client sent {@code setZeroIfNotFound=false}; otherwise 22 QUERY_NOT_FOUND. Stateless.
 */
public final class QueryConsumerOffsetHandler implements RequestHandler {
    private final ConsumerOffsetTable offsets;
    private final MessageStore store;

    public QueryConsumerOffsetHandler(ConsumerOffsetTable offsets, MessageStore store) {
        this.offsets = offsets;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (QueryConsumerOffsetRequestHeader) RequestHeaders.decode(request);
        OptionalLong stored = offsets.find(header.consumerGroup(), header.topic(), header.queueId());
        if (stored.isPresent()) {
            return found(request, stored.getAsLong());
        }
        boolean zeroAllowed = !Boolean.FALSE.equals(header.setZeroIfNotFound());
        if (zeroAllowed && store.minOffset(header.topic(), header.queueId()) == 0) {
            return found(request, 0);
        }
        return Answers.of(
                request,
                ResponseCode.QUERY_NOT_FOUND,
                "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
    }

    private static RemotingCommand found(RemotingCommand request, long offset) {
        return Answers.withHeader(request, ResponseCode.SUCCESS, null, new QueryConsumerOffsetResponseHeader(offset));
    }
}
