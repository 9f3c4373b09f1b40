package io.ferrymq.scheduler.internal;

import io.ferrymq.commitlog.agent.AgentRunner;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.scheduler.TimerTopic;
import java.time.Clock;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer machinery wired together over one store: the index and its durable state, the index
 * agent on its runner, the wheel driver, and the buffers between them. Opening reads the durable
 * state (progress, counters, segment pins, pending cancellation markers, fire fence); {@link #start()}
 * starts both threads and subscribes to dispatch notices of the timer topic; {@link #close()} stops
 * them, waits for appends in flight and applies their settles.
 *
 * <p>Thread-safe as a whole: its parts document their own threads.
 */
public final class TimerParts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerParts.class);
    private static final long CLOSE_WAIT_MS = 10_000;

    private final MessageStore store;
    private final TimerIndex index;
    private final WriteBatch batch = new WriteBatch();
    private final TimerCounters counters;
    private final SegmentPins pins;
    private final LoadWindow window;
    private final LatenessHistogram lateness = new LatenessHistogram();
    private final FiredRate firedRate = new FiredRate();
    private final Queue<CancelRequest> cancelRequests = new ConcurrentLinkedQueue<>();
    private final IndexAgent agent;
    private final AgentRunner runner;
    private final WheelDriver driver;
    private final Firing firing;
    private volatile boolean closed;

    private TimerParts(MessageStore store, TimerConfig config, Clock clock) {
        this.store = store;
        this.index = new TimerIndex(store.storeDb());
        this.counters = TimerCounters.load(index);
        this.pins = SegmentPins.load(index, store.commitLog().segmentSizeBytes());
        Set<Long> markers =
                new HashSet<>(index.metaRecords(TimerIndexLayout.CANCEL_TAG).keySet());
        Handoff handoff = new Handoff(config.handoffCapacity());
        EntryBuffer settles = new EntryBuffer();
        EntryBuffer retries = new EntryBuffer();
        Queue<CancelRequest> driverCancels = new ConcurrentLinkedQueue<>();
        Queue<CancelRequest> removedCancels = new ConcurrentLinkedQueue<>();
        Runnable[] wakeIndexer = new Runnable[1];
        Runnable wakeIndexerLater = () -> wakeIndexer[0].run();
        Runnable[] wakeDriver = new Runnable[1];
        Runnable wakeDriverLater = () -> wakeDriver[0].run();
        this.firing = new Firing(
                store,
                clock,
                new FireFence(index, config.fenceStepMs(), store.maxOffset(TimerTopic.NAME, TimerTopic.QUEUE_ID) == 0),
                settles,
                retries,
                wakeDriverLater,
                config.maxInFlight(),
                config.retryBackoffMs());
        TimerWheel wheel = new TimerWheel(clock.millis(), config.wheelLevels(), config.wheelSlotsPerLevel());
        this.driver = new WheelDriver(
                clock,
                wheel,
                handoff,
                driverCancels,
                removedCancels,
                wakeIndexerLater,
                retries,
                firing,
                config.maxParkMs());
        this.window = new LoadWindow(handoff, driver::released, config.maxWheelEntries());
        QueueIndexer indexer =
                new QueueIndexer(store, index, batch, counters, pins, window, markers, config.indexBatchSize());
        this.agent = new IndexAgent(
                new Settler(index, batch, counters, pins, settles, lateness, firedRate),
                new CancelDesk(
                        cancelRequests,
                        driverCancels,
                        removedCancels,
                        wakeDriverLater,
                        indexer,
                        index,
                        batch,
                        counters,
                        pins,
                        window,
                        markers),
                indexer,
                new WindowLoader(index, window, config.wheelWindowMs(), config.loadBatchSize()),
                window,
                clock,
                wakeDriverLater);
        this.runner = new AgentRunner(agent, TimeUnit.MILLISECONDS.toNanos(config.indexIdleMs()));
        wakeDriver[0] = driver::wake;
        wakeIndexer[0] = runner::wake;
    }

    public static TimerParts open(MessageStore store, TimerConfig config, Clock clock) {
        return new TimerParts(store, config, clock);
    }

    public void start() {
        store.addDispatchListener((topic, queueId, queueOffset, physicalOffset, size, storeMs, tagsHash) -> {
            if (!closed && TimerTopic.NAME.equals(topic)) {
                runner.wake();
            }
        });
        runner.start();
        driver.start();
        LOG.info(
                "timer service started: {} pending, indexing the timer topic from queue offset {}",
                counters.pending(),
                agent.progress());
    }

    /** Asks the index agent to cancel the timer of one parked record. */
    public CancelRequest cancel(long deliverAtMs, long offset, long queueOffset) {
        CancelRequest request = new CancelRequest(deliverAtMs, offset, queueOffset);
        synchronized (cancelRequests) {
            if (closed) {
                request.result().complete(false);
                return request;
            }
            cancelRequests.add(request);
        }
        runner.wake();
        return request;
    }

    public void wake() {
        runner.wake();
        driver.wake();
    }

    public TimerIndex index() {
        return index;
    }

    public TimerCounters counters() {
        return counters;
    }

    public SegmentPins pins() {
        return pins;
    }

    public LoadWindow window() {
        return window;
    }

    public LatenessHistogram lateness() {
        return lateness;
    }

    public FiredRate firedRate() {
        return firedRate;
    }

    public WheelDriver driver() {
        return driver;
    }

    public IndexAgent agent() {
        return agent;
    }

    /**
     * Stops the driver, waits (up to 10 s) for appends in flight, stops the index agent and applies
     * the settles they reported. Cancellations not yet decided are answered false. Idempotent.
     */
    @Override
    public void close() {
        synchronized (cancelRequests) {
            if (closed) {
                return;
            }
            closed = true;
        }
        driver.stop();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        while (firing.inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (firing.inFlight() > 0) {
            LOG.warn(
                    "{} due timers' appends still in flight at close; they fire again after restart",
                    firing.inFlight());
        }
        runner.close();
        agent.finish();
        driver.refuseQueuedCancels();
        for (CancelRequest request = cancelRequests.poll(); request != null; request = cancelRequests.poll()) {
            request.result().complete(false);
        }
        batch.close();
        index.close();
        LOG.info("timer service closed: {} pending", counters.pending());
    }
}
