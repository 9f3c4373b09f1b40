package io.ferrymq.broker.internal.consume.query;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.broker.internal.consume.wire.RecordBodies;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.header.broker.ViewMessageRequestHeader;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.nio.ByteBuffer;

/**
 * VIEW_MESSAGE_BY_ID (33): the one record at the physical {@code offset} of an offset message id;
 * SYSTEM_ERROR when no dispatched record starts there. Stateless.
 */
public final class ViewMessageHandler implements RequestHandler {
    private final MessageStore store;

    public ViewMessageHandler(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (ViewMessageRequestHeader) RequestHeaders.decode(request);
        ByteBuffer record = store.byPhysicalOffset(header.offset());
        if (record == null) {
            return Answers.systemError(request, "can not find message by the offset, " + header.offset());
        }
        return Answers.success(request, RecordBodies.copy(record));
    }
}
