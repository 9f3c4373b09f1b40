package io.ferrymq.client.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Agent} on a shared scheduler at a fixed delay, and on demand ({@link #runSoon()}).
 * Rounds never overlap: one {@code synchronized} step at a time. A round that throws is logged and
 * counted; the schedule carries on. Thread-safe.
 */
public final class AgentRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong failures = new AtomicLong();
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean closed;

    public AgentRunner(Agent agent, ScheduledExecutorService scheduler) {
        this.agent = agent;
        this.scheduler = scheduler;
    }

    /** Runs a round every {@code interval}, the first after {@code initialDelay}. */
    public void start(Duration initialDelay, Duration interval) {
        schedule = scheduler.scheduleWithFixedDelay(
                this::step, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one extra round on the scheduler as soon as possible. */
    public void runSoon() {
        runAfter(Duration.ZERO);
    }

    /** Runs one extra round on the scheduler after {@code delay}. */
    public void runAfter(Duration delay) {
        if (!closed) {
            scheduler.schedule(this::step, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs one round on the calling thread. */
    public synchronized void step() {
        if (closed) {
            return;
        }
        try {
            agent.doWork();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // the edge of a loop: report, count, carry on
            failures.incrementAndGet();
            LOG.warn("{} round failed: {}", agent.roleName(), e.toString(), e);
        }
    }

    /** Rounds that threw so far. */
    public long failures() {
        return failures.get();
    }

    /** Stops the schedule and waits for a round in progress to end; no round starts afterwards. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
        synchronized (this) {
            // a round holds this monitor: once we have it, none is running and none will start
        }
    }
}
