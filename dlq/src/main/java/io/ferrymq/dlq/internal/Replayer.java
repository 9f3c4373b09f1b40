package io.ferrymq.dlq.internal;

import com.google.common.util.concurrent.RateLimiter;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.QueueChooser;
import io.ferrymq.dlq.ReplayResult;
import io.ferrymq.dlq.ReplayTarget;
import io.ferrymq.dlq.RetryTopics;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Replays one dead letter durably and at most once: records the intent (synced) before the append and
 * the outcome after it. An intent found without an outcome (a crash, or an append whose outcome was
 * not learnt) is resolved before anything is appended again: once the store has dispatched what is
 * written, the target topic is searched for a record with the message's UNIQ_KEY, at or past the
 * intent's offset, marked as a replay of this dead letter ({@link ReplayMessages#isReplayOf}); found,
 * it is the replay, recorded as done.
 *
 * <p>Thread-safe: replays are serialised by one lock (the rate limiter is waited on outside it). The
 * lock is held while an append completes, never from a store thread, so it cannot deadlock with the
 * appender. Blocks the caller: run it on an admin executor, never on an I/O thread.
 */
public final class Replayer {
    static final long APPEND_TIMEOUT_MS = 30_000;
    static final long DISPATCH_TIMEOUT_MS = 10_000;
    /** Store times may step back this much (clock adjustments) between an intent and its append. */
    static final long CLOCK_SLACK_MS = 60_000;

    private final MessageStore store;
    private final DlqLedger ledger;
    private final DeadLetterReader reader;
    private final UniqueKeySearch search;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, CompletableFuture<AppendResult>> unsettled = new ConcurrentHashMap<>();

    public Replayer(MessageStore store, DlqLedger ledger, DeadLetterReader reader, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.reader = reader;
        this.search = new UniqueKeySearch(store);
        this.clock = clock;
    }

    /** Replays the newest dead letter of {@code group} with id {@code msgId}, after a permit of {@code limiter}. */
    public ReplayResult replay(
            String group, String msgId, ReplayTarget target, QueueChooser chooser, RateLimiter limiter) {
        ByteBuffer found = reader.find(group, msgId);
        if (found == null) {
            return ReplayResult.notFound(msgId, RetryTopics.dlq(group));
        }
        StoredRecord dead = new StoredRecord().wrap(found, 0);
        ReplayEntry entry = ledger.replay(dead.physicalOffset());
        if (entry != null && entry.done()) {
            return already(msgId, entry);
        }
        limiter.acquire();
        lock.lock();
        try {
            return replayLocked(group, msgId, dead, target, chooser);
        } finally {
            lock.unlock();
        }
    }

    private ReplayResult replayLocked(
            String group, String msgId, StoredRecord dead, ReplayTarget target, QueueChooser chooser) {
        long dlqOffset = dead.physicalOffset();
        ReplayEntry entry = ledger.replay(dlqOffset);
        if (entry != null && entry.done()) {
            return already(msgId, entry);
        }
        if (unsettled.containsKey(dlqOffset)) {
            return ReplayResult.failed(
                    msgId,
                    entry == null ? null : entry.targetTopic(),
                    "an earlier append of this replay has not completed; replay again later");
        }
        String uniqKey = DeadLetterReader.msgId(dead);
        if (entry != null) {
            ReplayResult recovered = recover(msgId, dlqOffset, entry, uniqKey);
            if (recovered != null) {
                return recovered;
            }
        }
        String originTopic = DeadLetterReader.originTopic(dead.properties());
        String topic = target == ReplayTarget.RETRY_TOPIC ? RetryTopics.retry(group) : originTopic;
        if (topic == null) {
            return ReplayResult.failed(
                    msgId,
                    null,
                    "it names no original topic (neither DLQ_ORIGIN_TOPIC nor RETRY_TOPIC);"
                            + " replay it to the retry topic instead");
        }
        EncodableMessage message;
        try {
            message = ReplayMessages.build(dead, uniqKey, topic, chooser.queueFor(topic), originTopic);
        } catch (RuntimeException e) {
            return ReplayResult.failed(msgId, topic, "cannot build the message for " + topic + ": " + e.getMessage());
        }
        return append(msgId, dlqOffset, topic, message);
    }

    /** The outcome of an interrupted replay when its append landed; null when it did not. */
    private ReplayResult recover(String msgId, long dlqOffset, ReplayEntry intent, String uniqKey) {
        if (!awaitDispatched(store.commitLog().writtenOffset())) {
            return ReplayResult.failed(
                    msgId,
                    intent.targetTopic(),
                    "an earlier replay was interrupted and the store has"
                            + " not yet indexed its recent messages to check it; replay again later");
        }
        StoredRecord record = new StoredRecord();
        for (ByteBuffer bytes : search.find(intent.targetTopic(), uniqKey, intent.intentAtMs() - CLOCK_SLACK_MS)) {
            record.wrap(bytes, 0);
            if (record.physicalOffset() >= intent.searchFromOffset() && ReplayMessages.isReplayOf(record, dlqOffset)) {
                ReplayEntry done = intent.doneAt(clock.millis(), record.physicalOffset(), record.queueOffset());
                ledger.putDone(dlqOffset, done);
                return ReplayResult.replayed(
                        msgId,
                        done.targetTopic(),
                        done.physicalOffset(),
                        done.queueOffset(),
                        "an earlier, interrupted replay had appended it; not appended again");
            }
        }
        return null;
    }

    private ReplayResult append(String msgId, long dlqOffset, String topic, EncodableMessage message) {
        ReplayEntry intent =
                ReplayEntry.intent(clock.millis(), store.commitLog().writtenOffset(), topic);
        ledger.putIntent(dlqOffset, intent);
        CompletableFuture<AppendResult> appended = store.put(new MessageRecord(message));
        AppendResult result;
        try {
            result = appended.get(APPEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            holdUnsettled(dlqOffset, appended);
            return ReplayResult.failed(msgId, topic, "interrupted while appending; replay again to check and finish");
        } catch (TimeoutException e) {
            holdUnsettled(dlqOffset, appended);
            return ReplayResult.failed(
                    msgId, topic, "the append did not complete in " + APPEND_TIMEOUT_MS + " ms; replay again later");
        } catch (ExecutionException e) {
            return ReplayResult.failed(msgId, topic, "the append failed: " + e.getCause());
        }
        if (!result.written()) {
            ledger.deleteReplay(dlqOffset);
            return ReplayResult.failed(msgId, topic, "the store refused the append: " + result.status());
        }
        ReplayEntry done = intent.doneAt(clock.millis(), result.physicalOffset(), result.queueOffset());
        ledger.putDone(dlqOffset, done);
        return ReplayResult.replayed(msgId, topic, done.physicalOffset(), done.queueOffset(), "");
    }

    private void holdUnsettled(long dlqOffset, CompletableFuture<AppendResult> appended) {
        unsettled.put(dlqOffset, appended);
        appended.whenComplete((result, error) -> unsettled.remove(dlqOffset, appended));
    }

    /**
     * Waits (bounded, polling) until the dispatcher has passed {@code offset}. The bound is real time,
     * not the injected clock, which a test may hold still.
     */
    private boolean awaitDispatched(long offset) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DISPATCH_TIMEOUT_MS);
        while (store.dispatchedOffset() < offset) {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private static ReplayResult already(String msgId, ReplayEntry done) {
        return ReplayResult.alreadyReplayed(msgId, done.targetTopic(), done.physicalOffset(), done.queueOffset());
    }
}
