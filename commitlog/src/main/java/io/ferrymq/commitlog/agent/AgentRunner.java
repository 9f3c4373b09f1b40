package io.ferrymq.commitlog.agent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Agent} on its own named daemon thread: step, and park for {@code idleNs} when a step
 * found nothing to do. {@link #wake()} cuts the idle short. A step that throws is logged and counted
 * at this loop's edge, and the loop goes on.
 *
 * <p>Thread-safe: start, wake and close may be called from any thread.
 */
public final class AgentRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final long idleNs;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public AgentRunner(Agent agent, long idleNs) {
        this.agent = agent;
        this.idleNs = idleNs;
        this.thread = new Thread(this::run, agent.roleName());
        this.thread.setDaemon(true);
    }

    public AgentRunner start() {
        thread.start();
        return this;
    }

    public void wake() {
        LockSupport.unpark(thread);
    }

    /** Steps that threw since start. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        while (running) {
            int work;
            try {
                work = agent.doWork();
            } catch (Throwable t) {
                failures.incrementAndGet();
                LOG.error("{} step failed ({} failures so far)", agent.roleName(), failures.get(), t);
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
