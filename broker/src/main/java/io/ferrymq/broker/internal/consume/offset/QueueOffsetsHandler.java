package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.consumequeue.BoundaryType;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.GetEarliestMsgStoretimeRequestHeader;
import io.ferrymq.protocol.header.broker.GetEarliestMsgStoretimeResponseHeader;
import io.ferrymq.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.GetMaxOffsetResponseHeader;
import io.ferrymq.protocol.header.broker.GetMinOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.GetMinOffsetResponseHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.header.broker.SearchOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.SearchOffsetResponseHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * The four queue-metadata reads, one instance per request kind: GET_MAX_OFFSET (30, next offset to
 * be written), GET_MIN_OFFSET (31), SEARCH_OFFSET_BY_TIMESTAMP (29, LOWER by default, UPPER on
 * request) and GET_EARLIEST_MSG_STORETIME (32, -1 for a queue without messages). Unknown queues
 * answer 0. Stateless.
 */
public final class QueueOffsetsHandler implements RequestHandler {
    private final MessageStore store;
    private final int requestCode;

    private QueueOffsetsHandler(MessageStore store, int requestCode) {
        this.store = store;
        this.requestCode = requestCode;
    }

    public static QueueOffsetsHandler maxOffset(MessageStore store) {
        return new QueueOffsetsHandler(store, RequestCode.GET_MAX_OFFSET);
    }

    public static QueueOffsetsHandler minOffset(MessageStore store) {
        return new QueueOffsetsHandler(store, RequestCode.GET_MIN_OFFSET);
    }

    public static QueueOffsetsHandler searchByTime(MessageStore store) {
        return new QueueOffsetsHandler(store, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP);
    }

    public static QueueOffsetsHandler earliestStoreTime(MessageStore store) {
        return new QueueOffsetsHandler(store, RequestCode.GET_EARLIEST_MSG_STORETIME);
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        return Answers.withHeader(request, ResponseCode.SUCCESS, null, answer(RequestHeaders.decode(request)));
    }

    private Record answer(Record header) {
        return switch (requestCode) {
            case RequestCode.GET_MAX_OFFSET -> {
                var h = (GetMaxOffsetRequestHeader) header;
                yield new GetMaxOffsetResponseHeader(store.maxOffset(h.topic(), h.queueId()));
            }
            case RequestCode.GET_MIN_OFFSET -> {
                var h = (GetMinOffsetRequestHeader) header;
                yield new GetMinOffsetResponseHeader(store.minOffset(h.topic(), h.queueId()));
            }
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
                var h = (SearchOffsetRequestHeader) header;
                BoundaryType boundary = h.boundaryType() == io.ferrymq.protocol.header.broker.BoundaryType.UPPER
                        ? BoundaryType.UPPER
                        : BoundaryType.LOWER;
                yield new SearchOffsetResponseHeader(
                        store.offsetByTime(h.topic(), h.queueId(), h.timestamp(), boundary));
            }
            default -> {
                var h = (GetEarliestMsgStoretimeRequestHeader) header;
                yield new GetEarliestMsgStoretimeResponseHeader(store.earliestStoreTime(h.topic(), h.queueId()));
            }
        };
    }
}
