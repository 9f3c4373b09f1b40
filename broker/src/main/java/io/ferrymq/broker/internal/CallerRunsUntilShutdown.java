package io.ferrymq.broker.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs each task on the calling thread (a connection's I/O thread) until {@link #shutdown()}, and
 * rejects every task after it, as a shut-down pool would. Thread-safe.
 */
final class CallerRunsUntilShutdown implements Executor {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the broker is shutting down");
        }
        task.run();
    }

    void shutdown() {
        shutdown = true;
    }
}
