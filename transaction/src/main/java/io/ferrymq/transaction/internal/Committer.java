package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Appends the commits recorded by the agent to their real topics, without waiting for the appends:
 * each completion is handed back through the completion queue (and wakes the agent), where the
 * {@link Settler} settles the half. At most {@code maxInFlight} appends are outstanding; the rest
 * wait here.
 *
 * <p>Before appending a commit that may already have landed (its half predates this start, so a
 * crashed run may have appended it without settling; or an earlier append failed in a way that
 * leaves it unknown), it waits until the store has dispatched what was written by then and asks the
 * {@link DeliveryCheck}; a commit found there is settled without a second append.
 *
 * <p>{@link #submit} and {@link #step} run on the agent's thread; completions may run on the store's
 * flush thread.
 */
final class Committer {
    private final MessageStore store;
    private final CommitLog log;
    private final HalfReader reader;
    private final DeliveryCheck deliveries;
    private final CommitRecord record = new CommitRecord();
    private final Queue<Completion> completions;
    private final Runnable wakeAgent;
    private final int maxInFlight;
    private final long startWrittenOffset;
    private final ArrayDeque<PendingCommit> waiting = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    Committer(MessageStore store, Queue<Completion> completions, Runnable wakeAgent, int maxInFlight) {
        this.store = store;
        this.log = store.commitLog();
        this.reader = new HalfReader(log);
        this.deliveries = new DeliveryCheck(store);
        this.completions = completions;
        this.wakeAgent = wakeAgent;
        this.maxInFlight = maxInFlight;
        this.startWrittenOffset = log.writtenOffset();
    }

    /** A commit just recorded (or recovered at start): appended as soon as there is room. */
    void submit(PendingCommit commit) {
        if (commit.entry.offset < startWrittenOffset && !commit.mayHaveLanded) {
            commit.mayHaveLanded = true;
            commit.dispatchedNeeded = startWrittenOffset;
        }
        if (waiting.isEmpty() && inFlight.get() < maxInFlight && ready(commit, Long.MAX_VALUE)) {
            launch(commit);
        } else {
            waiting.add(commit);
        }
    }

    /** A commit whose append failed: tried again from {@code notBeforeMs}. */
    void retry(PendingCommit commit, long notBeforeMs, boolean mayHaveLanded) {
        commit.notBeforeMs = notBeforeMs;
        if (mayHaveLanded) {
            commit.mayHaveLanded = true;
            commit.dispatchedNeeded = log.writtenOffset();
        }
        waiting.add(commit);
    }

    /** Launches waiting commits that are ready, in order, while there is room; returns 1 if any. */
    int step(long nowMs) {
        int launched = 0;
        int count = waiting.size();
        for (int i = 0; i < count && inFlight.get() < maxInFlight; i++) {
            PendingCommit commit = waiting.poll();
            if (ready(commit, nowMs)) {
                launch(commit);
                launched++;
            } else {
                waiting.add(commit);
            }
        }
        return launched > 0 ? 1 : 0;
    }

    private boolean ready(PendingCommit commit, long nowMs) {
        return commit.notBeforeMs <= nowMs
                && (!commit.mayHaveLanded || store.dispatchedOffset() >= commit.dispatchedNeeded);
    }

    private void launch(PendingCommit commit) {
        HalfEntry entry = commit.entry;
        StoredRecord half = reader.read(entry.offset, entry.size);
        if (half == null || !record.wrap(half)) {
            completions.add(Completion.lost(commit));
            return;
        }
        if (commit.mayHaveLanded && entry.uniqKey != null) {
            long delivered = deliveries.deliveredOffset(entry.realTopic, entry.uniqKey, entry.offset, entry.storeMs);
            if (delivered >= 0) {
                completions.add(Completion.alreadyDelivered(commit, delivered));
                return;
            }
        }
        inFlight.incrementAndGet();
        CompletableFuture<AppendResult> appended;
        try {
            appended = store.put(record);
        } catch (RuntimeException e) {
            completed(commit, null, e);
            return;
        }
        appended.whenComplete((result, error) -> completed(commit, result, error));
    }

    private void completed(PendingCommit commit, AppendResult result, Throwable error) {
        inFlight.decrementAndGet();
        completions.add(Completion.appended(commit, result, error));
        wakeAgent.run();
    }

    /** Why the half of a commit could not be read, for logs. */
    String whyGone(long offset) {
        return reader.whyGone(offset);
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Commits recorded but not yet appended (waiting for room, the dispatcher, or a retry). */
    int waiting() {
        return waiting.size();
    }

    /** Hands every waiting commit to {@code sink} and forgets them (at close). */
    void drainWaiting(Consumer<PendingCommit> sink) {
        for (PendingCommit commit = waiting.poll(); commit != null; commit = waiting.poll()) {
            sink.accept(commit);
        }
    }
}
