package io.ferrymq.scheduler.internal;

import io.ferrymq.commitlog.agent.Agent;
import java.time.Clock;

/**
 * The single writer of the timer index ({@link TimerIndex}, except the driver's fire fence). Each step
 * applies settled timers, decides cancellations, indexes new parked records from the timer topic's
 * queue, and reads the index ahead into the driver's wheels; it wakes the driver when it handed
 * anything over.
 *
 * <p>Runs on the thread {@value #ROLE} (an {@link io.ferrymq.commitlog.agent.AgentRunner}), or on
 * the closing thread once that has stopped.
 */
public final class IndexAgent implements Agent {
    public static final String ROLE = "timer-indexer";

    private final Settler settler;
    private final CancelDesk cancels;
    private final QueueIndexer indexer;
    private final WindowLoader loader;
    private final LoadWindow window;
    private final Clock clock;
    private final Runnable wakeDriver;

    IndexAgent(
            Settler settler,
            CancelDesk cancels,
            QueueIndexer indexer,
            WindowLoader loader,
            LoadWindow window,
            Clock clock,
            Runnable wakeDriver) {
        this.settler = settler;
        this.cancels = cancels;
        this.indexer = indexer;
        this.loader = loader;
        this.window = window;
        this.clock = clock;
        this.wakeDriver = wakeDriver;
    }

    @Override
    public int doWork() {
        long handedBefore = window.handedCount();
        int work = settler.step();
        work += cancels.step();
        work += indexer.step();
        work += loader.step(clock.millis());
        if (window.handedCount() != handedBefore) {
            wakeDriver.run();
        }
        return work;
    }

    /** Applies the settles and driver-confirmed cancellations reported so far (at close, once the runner stopped). */
    public void finish() {
        settler.step();
        cancels.step();
    }

    /** The next queue offset of the timer topic to index. */
    public long progress() {
        return indexer.progress();
    }

    @Override
    public String roleName() {
        return ROLE;
    }
}
