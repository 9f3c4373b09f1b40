package io.ferrymq.broker.internal.consume.lock;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * UNLOCK_BATCH_MQ (42): releases the body's queues held by its client; SUCCESS, no body (dropped by
 * the transport when the request was oneway). Stateless.
 */
public final class UnlockBatchHandler implements RequestHandler {
    private final QueueLockTable locks;

    public UnlockBatchHandler(QueueLockTable locks) {
        this.locks = locks;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        LockBatchBody body = JsonBodyCodec.decode(request.body(), LockBatchBody.class);
        locks.unlock(body.consumerGroup(), body.clientId(), body.mqSet());
        return Answers.success(request);
    }
}
