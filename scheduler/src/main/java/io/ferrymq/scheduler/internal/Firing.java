package io.ferrymq.scheduler.internal;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.MessageRecordLayout;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerTopic;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one due timer: reads and checks its parked record, skips it if an earlier run already
 * delivered it, moves the fire fence past it, and appends the released message without waiting for
 * the append to complete. Completion (on whichever thread completes the append) reports the timer
 * settled, or queues a retry when the store refused the append. At most {@code maxInFlight} appends
 * are outstanding.
 *
 * <p>{@link #fire} runs on the driver thread; completions may run on the store's flush thread.
 */
final class Firing {
    private static final Logger LOG = LoggerFactory.getLogger(Firing.class);

    private final MessageStore store;
    private final CommitLog log;
    private final Clock clock;
    private final DuplicateCheck duplicates;
    private final FireFence fence;
    private final EntryBuffer settles;
    private final EntryBuffer retries;
    private final Runnable wakeDriver;
    private final int maxInFlight;
    private final long retryBackoffMs;
    private final long startWrittenOffset;
    private final StoredRecord parked = new StoredRecord();
    private final ReleaseRecord release = new ReleaseRecord();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean refusing;
    private boolean caughtUp;

    Firing(
            MessageStore store,
            Clock clock,
            FireFence fence,
            EntryBuffer settles,
            EntryBuffer retries,
            Runnable wakeDriver,
            int maxInFlight,
            long retryBackoffMs) {
        this.store = store;
        this.log = store.commitLog();
        this.clock = clock;
        this.duplicates = new DuplicateCheck(store);
        this.fence = fence;
        this.settles = settles;
        this.retries = retries;
        this.wakeDriver = wakeDriver;
        this.maxInFlight = maxInFlight;
        this.retryBackoffMs = retryBackoffMs;
        this.startWrittenOffset = log.writtenOffset();
    }

    /**
     * Whether the store's dispatcher has caught up with what was written before this start, so the
     * key index can tell whether a timer was delivered before a crash.
     */
    boolean ready() {
        if (!caughtUp) {
            caughtUp = store.dispatchedOffset() >= startWrittenOffset;
        }
        return caughtUp;
    }

    boolean hasRoom() {
        return inFlight.get() < maxInFlight;
    }

    int inFlight() {
        return inFlight.get();
    }

    void fire(long deliverAtMs, long offset, int size) {
        ByteBuffer bytes = log.slice(offset, size);
        if (bytes == null || !isParked(parked.wrap(bytes, 0), offset, size) || !release.wrap(parked)) {
            lost(deliverAtMs, offset, size);
            return;
        }
        int kind = Settle.FIRED;
        if (offset < startWrittenOffset && fence.mayHaveFired(deliverAtMs)) {
            String uniqKey = release.uniqKey();
            if (uniqKey == null) {
                kind = Settle.FIRED_UNCHECKED;
            } else if (duplicates.alreadyDelivered(release.topic(), uniqKey, offset, parked.storeTimestamp())) {
                settle(deliverAtMs, offset, Settle.DEDUPLICATED, clock.millis());
                return;
            }
        }
        fence.cover(deliverAtMs);
        release.pretouch();
        inFlight.incrementAndGet();
        CompletableFuture<AppendResult> appended;
        try {
            appended = store.put(release);
        } catch (RuntimeException e) {
            completed(deliverAtMs, offset, size, kind, null, e);
            return;
        }
        if (appended.isDone() && !appended.isCompletedExceptionally()) {
            completed(deliverAtMs, offset, size, kind, appended.getNow(null), null);
        } else {
            int settledAs = kind;
            appended.whenComplete((result, error) -> completed(deliverAtMs, offset, size, settledAs, result, error));
        }
    }

    private static boolean isParked(StoredRecord record, long offset, int size) {
        return size >= MessageRecordLayout.MIN_RECORD_SIZE
                && MessageRecordLayout.isMessageMagic(record.magic())
                && record.totalSize() == size
                && record.physicalOffset() == offset
                && record.topicEquals(TimerTopic.NAME);
    }

    private void completed(long deliverAtMs, long offset, int size, int kind, AppendResult result, Throwable error) {
        boolean wasFull = inFlight.getAndDecrement() >= maxInFlight;
        long now = clock.millis();
        if (error == null && result.written()) {
            refusing = false;
            settle(deliverAtMs, offset, kind, now);
        } else if (error == null && result.status() == AppendStatus.RECORD_TOO_LARGE) {
            LOG.error(
                    "the message of the timer at {} (due {}) is too large to append; it is dropped",
                    offset,
                    deliverAtMs);
            settle(deliverAtMs, offset, Settle.LOST, now);
        } else {
            if (!refusing) {
                refusing = true;
                LOG.warn(
                        "the store refused a due timer's message ({}); retrying every {} ms",
                        error != null ? error.toString() : result.status(),
                        retryBackoffMs);
            }
            retries.add(deliverAtMs, offset, size, now + retryBackoffMs);
            wakeDriver.run();
        }
        if (wasFull) {
            wakeDriver.run();
        }
    }

    private void lost(long deliverAtMs, long offset, int size) {
        String why = offset < log.minOffset()
                ? "its segment was deleted by retention"
                : "the record there is not the parked message indexed";
        LOG.error(
                "the timer at commit-log offset {} (due {}, {} bytes) cannot be delivered: {}",
                offset,
                deliverAtMs,
                size,
                why);
        settle(deliverAtMs, offset, Settle.LOST, clock.millis());
    }

    /**
     * Reports a settled timer. The index agent is not woken for it: it applies settles in batches on
     * its next step (at most {@code indexIdleMs} later), which saves a wake-up per fired timer.
     */
    void settle(long deliverAtMs, long offset, int kind, long atMs) {
        settles.add(deliverAtMs, offset, kind, atMs);
    }
}
