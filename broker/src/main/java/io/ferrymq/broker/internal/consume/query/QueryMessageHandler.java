package io.ferrymq.broker.internal.consume.query;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.broker.internal.consume.wire.RecordBodies;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.QueryMessageRequestHeader;
import io.ferrymq.protocol.header.broker.QueryMessageResponseHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.time.Clock;

/**
 * QUERY_MESSAGE (12): records of the topic whose KEYS or UNIQ_KEY equal the key, stored within
 * [begin, end]; with {@code _UNIQUE_KEY_QUERY=true} the broker's own limit ({@value
 * #UNIQUE_KEY_MAX_NUM}) replaces {@code maxNum}. SUCCESS with the records concatenated, or 22
 * QUERY_NOT_FOUND; both carry {@code indexLastUpdatePhyoffset} (how far the key index is built) and
 * {@code indexLastUpdateTimestamp} (now: the index is updated as messages are dispatched). Stateless.
 */
public final class QueryMessageHandler implements RequestHandler {
    static final int UNIQUE_KEY_MAX_NUM = 32;

    private final MessageStore store;
    private final Clock clock;

    public QueryMessageHandler(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (QueryMessageRequestHeader) RequestHeaders.decode(request);
        int maxNum = Boolean.TRUE.equals(header.uniqueKeyQuery()) ? UNIQUE_KEY_MAX_NUM : Math.max(1, header.maxNum());
        QueryResult result =
                store.queryByKey(header.topic(), header.key(), maxNum, header.beginTimestamp(), header.endTimestamp());
        var responseHeader = new QueryMessageResponseHeader(clock.millis(), result.indexedOffset());
        if (result.messages().isEmpty()) {
            return Answers.withHeader(
                    request,
                    ResponseCode.QUERY_NOT_FOUND,
                    "can not find message, maybe time range not correct",
                    responseHeader);
        }
        return Answers.withHeader(request, ResponseCode.SUCCESS, null, responseHeader)
                .body(RecordBodies.concat(result.messages()));
    }
}
