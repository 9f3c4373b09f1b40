package io.ferrymq.scheduler.internal;

import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer-wheel driver: the one thread that owns the {@link TimerWheel}. Each step takes what the
 * index agent handed over, takes cancelled timers out of the wheels, advances the wheel to the clock's
 * now and fires what fell due, oldest first, as far as the in-flight limit allows; then it parks until
 * the wheel's next due time (or a wake-up), so a timer goes out within about a millisecond of its time
 * and never before it by the injected clock.
 *
 * <p>{@link #step()} is the whole of the work, so a test may call it directly; {@link #start()} runs
 * it on the thread {@value #THREAD_NAME}. {@link #wake()}, {@link #released()} and {@link
 * #processedThroughMs()} are safe from any thread.
 */
public final class WheelDriver implements Runnable {
    public static final String THREAD_NAME = "timer-wheel-driver";
    private static final Logger LOG = LoggerFactory.getLogger(WheelDriver.class);
    private static final long BUSY_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Clock clock;
    private final TimerWheel wheel;
    private final Handoff handoff;
    private final Queue<CancelRequest> cancels;
    private final Queue<CancelRequest> removed;
    private final Runnable wakeIndexer;
    private final EntryBuffer retries;
    private final Firing firing;
    private final long maxParkMs;
    private final EntryQueue due = new EntryQueue();
    private final EntryArray overflow = new EntryArray();
    private final RetryList waiting = new RetryList();
    private final DueSink toWheel = this::addToWheel;
    private final EntryBuffer.Consumer toWaiting = this::addToWaiting;
    private final AtomicLong released = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile long processedThroughMs;
    private volatile boolean running = true;

    WheelDriver(
            Clock clock,
            TimerWheel wheel,
            Handoff handoff,
            Queue<CancelRequest> cancels,
            Queue<CancelRequest> removed,
            Runnable wakeIndexer,
            EntryBuffer retries,
            Firing firing,
            long maxParkMs) {
        this.clock = clock;
        this.wheel = wheel;
        this.handoff = handoff;
        this.cancels = cancels;
        this.removed = removed;
        this.wakeIndexer = wakeIndexer;
        this.retries = retries;
        this.firing = firing;
        this.maxParkMs = maxParkMs;
        this.processedThroughMs = wheel.currentMs();
        this.thread = new Thread(this, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    public void wake() {
        LockSupport.unpark(thread);
    }

    /** Entries that left the wheel (fired or cancelled) since start; with what was handed over, the wheel's size. */
    public long released() {
        return released.get();
    }

    /** Every timer due at or before this time has been handed to the store (or settled). */
    public long processedThroughMs() {
        return processedThroughMs;
    }

    /** Driver steps that threw. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void run() {
        while (running) {
            long parkNs;
            try {
                parkNs = step() > 0 ? 0 : parkNs();
            } catch (Throwable t) {
                failures.incrementAndGet();
                LOG.error("timer wheel driver step failed ({} failures so far)", failures.get(), t);
                parkNs = TimeUnit.MILLISECONDS.toNanos(maxParkMs);
            }
            if (parkNs > 0 && running) {
                LockSupport.parkNanos(this, parkNs);
            }
        }
    }

    /** One pass; returns how much it did (0: nothing until the next due time or a wake-up). */
    int step() {
        int work = handoff.drain(toWheel);
        work += placeOverflow();
        work += applyCancels();
        work += retries.drain(toWaiting);
        if (!firing.ready()) {
            return work;
        }
        long now = clock.millis();
        work += waiting.takeDue(now, due);
        int fell = wheel.advanceTo(now, due);
        if (fell > 0) {
            released.lazySet(released.get() + fell);
        }
        work += fireDue();
        processedThroughMs =
                due.isEmpty() ? Math.max(processedThroughMs, wheel.currentMs()) : due.headDeliverAtMs() - 1;
        return work + fell;
    }

    private int fireDue() {
        int fired = 0;
        while (!due.isEmpty() && firing.hasRoom()) {
            long deliverAtMs = due.headDeliverAtMs();
            long offset = due.headOffset();
            int size = due.headSize();
            due.poll();
            try {
                firing.fire(deliverAtMs, offset, size);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                LOG.error("firing the timer at {} (due {}) failed; it is tried again later", offset, deliverAtMs, e);
                waiting.add(deliverAtMs, offset, size, clock.millis() + maxParkMs);
            }
            fired++;
        }
        return fired;
    }

    private long parkNs() {
        if (!due.isEmpty() || !firing.ready()) {
            return BUSY_PARK_NS;
        }
        long next = Math.min(wheel.nextDueMs(), waiting.nextDueMs());
        if (!overflow.isEmpty()) {
            next = Math.min(next, clock.millis() + maxParkMs);
        }
        long waitMs = next == Long.MAX_VALUE ? maxParkMs : next - clock.millis();
        return waitMs <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(Math.min(waitMs, maxParkMs));
    }

    private void addToWheel(long deliverAtMs, long offset, int size) {
        if (!wheel.add(deliverAtMs, offset, size)) {
            overflow.add(deliverAtMs, offset, size);
        }
    }

    private void addToWaiting(long deliverAtMs, long offset, long size, long retryAtMs) {
        waiting.add(deliverAtMs, offset, (int) size, retryAtMs);
    }

    /** Entries the wheel refused (it lagged far behind the loader): placed once the wheel reaches them. */
    private int placeOverflow() {
        if (overflow.isEmpty()) {
            return 0;
        }
        int placed = 0;
        for (int i = overflow.size() - 1; i >= 0; i--) {
            if (wheel.add(overflow.deliverAtMs(i), overflow.offset(i), overflow.recordSize(i))) {
                overflow.removeAt(i);
                placed++;
            }
        }
        return placed;
    }

    /**
     * Removes the timers of forwarded cancellations from the wheels; a removed one goes back to the
     * index agent, which deletes its entry durably before answering true.
     */
    private int applyCancels() {
        int applied = 0;
        for (CancelRequest request = cancels.poll(); request != null; request = cancels.poll()) {
            handoff.drain(toWheel);
            if (remove(request.deliverAtMs(), request.offset())) {
                removed.add(request);
                wakeIndexer.run();
            } else {
                request.result().complete(false);
            }
            applied++;
        }
        return applied;
    }

    private boolean remove(long deliverAtMs, long offset) {
        if (wheel.remove(deliverAtMs, offset) || overflow.remove(deliverAtMs, offset)) {
            released.lazySet(released.get() + 1);
            return true;
        }
        return waiting.remove(deliverAtMs, offset);
    }

    /** Stops the loop after the current step and waits for the thread to end. */
    void stop() {
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

    /** Cancellations still queued after the driver stopped: answered false. */
    void refuseQueuedCancels() {
        for (CancelRequest request = cancels.poll(); request != null; request = cancels.poll()) {
            request.result().complete(false);
        }
    }
}
