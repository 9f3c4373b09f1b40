package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.remoting.RemotingException;
import io.ferrymq.remoting.RemotingTimeoutException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request waiting for its response: the future the caller holds and the timer entry that fails
 * it at its deadline. It is also the listener of its own write, so a failed send fails the call
 * without an extra object per request.
 *
 * <p>Thread-safe: completed at most once by whichever of the I/O thread (response, write failure,
 * close) or the timer thread removes it from its {@link ResponseTable} first.
 */
public final class PendingCall implements TimerTask, ChannelFutureListener {
    private static final long TICK_MS = 10;

    private final int opaque;
    private final long timeoutMs;
    private final ResponseTable table;
    private final CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
    private volatile Timeout timeout;

    PendingCall(int opaque, long timeoutMs, ResponseTable table) {
        this.opaque = opaque;
        this.timeoutMs = timeoutMs;
        this.table = table;
    }

    /** The timer that expires calls: one daemon thread, 10 ms ticks. Stop it with its endpoint. */
    public static Timer newTimer(String threadName) {
        return new HashedWheelTimer(new DefaultThreadFactory(threadName, true), TICK_MS, TimeUnit.MILLISECONDS);
    }

    public int opaque() {
        return opaque;
    }

    public CompletableFuture<RemotingCommand> future() {
        return future;
    }

    /** Starts the deadline; call after the call is in its table, so a timeout always finds it. */
    void arm(Timer timer) {
        timeout = timer.newTimeout(this, timeoutMs, TimeUnit.MILLISECONDS);
    }

    void succeed(RemotingCommand response) {
        cancelDeadline();
        future.complete(response);
    }

    void fail(RemotingException cause) {
        cancelDeadline();
        future.completeExceptionally(cause);
    }

    private void cancelDeadline() {
        Timeout armed = timeout;
        if (armed != null) {
            armed.cancel();
        }
    }

    @Override
    public void run(Timeout expired) {
        table.fail(
                this,
                new RemotingTimeoutException(
                        "no response from " + table.peer() + " within " + timeoutMs + " ms (opaque " + opaque + ")"));
    }

    @Override
    public void operationComplete(ChannelFuture write) {
        if (!write.isSuccess()) {
            table.fail(this, new RemotingException("failed to send a request to " + table.peer(), write.cause()));
        }
    }
}
