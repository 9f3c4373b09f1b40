package io.ferrymq.broker.internal.consume.lock;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.List;

/**
 * LOCK_BATCH_MQ (41): locks the body's queues for its client and answers SUCCESS with
 * {@code {"lockOKMQSet":[...]}}, the subset the client now holds. Stateless.
 */
public final class LockBatchHandler implements RequestHandler {
    private final QueueLockTable locks;

    public LockBatchHandler(QueueLockTable locks) {
        this.locks = locks;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        LockBatchBody body = JsonBodyCodec.decode(request.body(), LockBatchBody.class);
        List<MessageQueueJson> locked = locks.lock(body.consumerGroup(), body.clientId(), body.mqSet());
        return Answers.success(request, JsonBodyCodec.encode(new LockBatchBody.LockedQueues(locked)));
    }
}
