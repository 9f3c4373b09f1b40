package io.ferrymq.nameserver.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Agent} on its own named daemon thread, a step every {@code intervalMs}. A step
 * that throws is logged and counted; the next step still runs. Thread-safe.
 */
public final class AgentRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final long intervalMs;
    private final ScheduledExecutorService thread;
    private final AtomicLong failures = new AtomicLong();

    public AgentRunner(Agent agent, long intervalMs) {
        this.agent = agent;
        this.intervalMs = intervalMs;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, agent.name());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::step, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** Steps that threw so far. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void step() {
        try {
            agent.doWork();
        } catch (Throwable e) {
            failures.incrementAndGet();
            LOG.error("{} step failed ({} failures so far)", agent.name(), failures.get(), e);
        }
    }
}
