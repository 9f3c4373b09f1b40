package io.ferrymq.consumequeue.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link DispatchAgent} on its own named daemon thread: step while there is work, park
 * when a step found none until {@link #wake()} (an append or a retention event) or the idle timeout
 * (so interval flushes still happen). A step that throws is logged and counted here, at the loop's
 * edge, and the loop goes on after a pause.
 *
 * <p>Thread-safe: {@link #wake()} and {@link #close()} may be called from any thread.
 */
public final class DispatchRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchRunner.class);

    private final DispatchAgent agent;
    private final long idleNs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failures;

    public DispatchRunner(DispatchAgent agent, long idleMs, String name) {
        this.agent = agent;
        this.idleNs = TimeUnit.MILLISECONDS.toNanos(idleMs);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public DispatchRunner start() {
        thread.start();
        return this;
    }

    /** Cuts a park short; cheap enough for the appending thread to call after every append. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    public long failures() {
        return failures;
    }

    private void run() {
        while (running) {
            int work;
            try {
                work = agent.doWork();
            } catch (Throwable t) {
                failures++;
                LOG.error("dispatch step failed ({} failures so far)", failures, t);
                work = 0;
            }
            if (work == 0 && running) {
                LockSupport.parkNanos(this, idleNs);
            }
        }
    }

    /** Stops after the current step and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
