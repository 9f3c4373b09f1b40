package io.ferrymq.broker.internal.timer;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.scheduler.DelayedDelivery;

/**
 * FERRY_CANCEL_TIMER (7002): header {@code msgId} = the delayed message's id (its UNIQ_KEY, what a
 * send result calls msgId). SUCCESS when a pending timer was cancelled (it will never be delivered);
 * QUERY_NOT_FOUND when no timer with that id is pending (already delivered, cancelled, or unknown);
 * INVALID_PARAMETER without an id. Idempotent. Thread-safe.
 */
public final class CancelTimerHandler implements RequestHandler {

    private final DelayedDelivery timers;

    public CancelTimerHandler(DelayedDelivery timers) {
        this.timers = timers;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        String msgId = request.extFields() == null ? null : request.extFields().get(FerryAdminFields.MSG_ID);
        if (msgId == null || msgId.isBlank()) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "the header field msgId is required");
        }
        if (timers.cancel(msgId.trim())) {
            return Answers.success(request);
        }
        return Answers.of(
                request,
                ResponseCode.QUERY_NOT_FOUND,
                "no pending delayed message with id " + msgId.trim()
                        + " (already delivered, cancelled, or never delayed here)");
    }
}
