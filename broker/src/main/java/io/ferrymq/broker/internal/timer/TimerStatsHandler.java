package io.ferrymq.broker.internal.timer;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.scheduler.DelayedDelivery;

/**
 * FERRY_TIMER_STATS (7001): the scheduler's {@link io.ferrymq.scheduler.TimerStats} as JSON: pending
 * timers by due-time bucket, next due time, fired totals and rate, lateness, cancellations and
 * duplicates. Thread-safe.
 */
public final class TimerStatsHandler implements RequestHandler {
    private final DelayedDelivery timers;

    public TimerStatsHandler(DelayedDelivery timers) {
        this.timers = timers;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        return Answers.success(request, JsonBodyCodec.encode(timers.stats()));
    }
}
