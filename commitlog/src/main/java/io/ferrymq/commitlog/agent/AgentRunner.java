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
 * <p>A {@linkplain #coalescing coalescing} runner is for an agent woken by a hot path (the dispatcher,
 * woken by every append): while work keeps coming it polls every {@code busyParkNs} instead of being
 * woken, so a burst of appends costs one step per poll and no wake-up system call per append; after
 * {@code quietNs} without work it parks for {@code idleNs}, and only then does {@link #wake()} unpark
 * it. Before that long park it steps once more, so work that arrived while it was deciding is never
 * left waiting for {@code idleNs}.
 *
 * <p>Thread-safe: start, wake and close may be called from any thread.
 */
public final class AgentRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final long idleNs;
    private final long busyParkNs;
    private final long quietNs;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean deepIdle = true;

    public AgentRunner(Agent agent, long idleNs) {
        this(agent, idleNs, 0, 0);
    }

    private AgentRunner(Agent agent, long idleNs, long busyParkNs, long quietNs) {
        this.agent = agent;
        this.idleNs = idleNs;
        this.busyParkNs = busyParkNs;
        this.quietNs = quietNs;
        this.thread = new Thread(this::run, agent.roleName());
        this.thread.setDaemon(true);
    }

    /** A runner that polls every {@code busyParkNs} while busy and needs {@link #wake()} only when idle. */
    public static AgentRunner coalescing(Agent agent, long busyParkNs, long quietNs, long idleNs) {
        if (busyParkNs <= 0 || quietNs < busyParkNs || idleNs < busyParkNs) {
            throw new IllegalArgumentException("need 0 < busyParkNs <= quietNs and busyParkNs <= idleNs");
        }
        return new AgentRunner(agent, idleNs, busyParkNs, quietNs);
    }

    public AgentRunner start() {
        thread.start();
        return this;
    }

    /** Cuts an idle park short; for a coalescing runner, only the long park after a quiet spell. */
    public void wake() {
        if (deepIdle) {
            LockSupport.unpark(thread);
        }
    }

    /** Steps that threw since start. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        long lastWorkNs = System.nanoTime();
        while (running) {
            if (step() > 0) {
                lastWorkNs = System.nanoTime();
                continue;
            }
            if (!running) {
                return;
            }
            if (busyParkNs == 0) {
                LockSupport.parkNanos(this, idleNs);
            } else if (System.nanoTime() - lastWorkNs < quietNs) {
                LockSupport.parkNanos(this, busyParkNs);
            } else {
                deepIdle = true; // from here on, wake() unparks; the step below sees what came before
                if (step() > 0) {
                    lastWorkNs = System.nanoTime();
                } else if (running) {
                    LockSupport.parkNanos(this, idleNs);
                }
                deepIdle = false;
            }
        }
    }

    private int step() {
        try {
            return agent.doWork();
        } catch (Throwable t) {
            failures.incrementAndGet();
            LOG.error("{} step failed ({} failures so far)", agent.roleName(), failures.get(), t);
            return 0;
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
