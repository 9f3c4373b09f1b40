package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.Decision;
import io.ferrymq.transaction.EndResult;
import io.ferrymq.transaction.HalfTopic;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decides END_TRANSACTION requests (and operator resolves) against the tracked halves. Each step
 * first indexes what the half topic's queue has dispatched (so an END racing the indexer finds its
 * half), then decides the requests waiting: a rollback settles the half, a commit is recorded durably
 * before its append is launched, UNKNOWN changes nothing, and a half settled before is answered with
 * how it was settled, changing nothing. The decisions of one step go into RocksDB in one batch; only
 * then are commits appended and requests answered.
 *
 * <p>An END for an offset the store has written but not yet dispatched waits (up to 3 s) for the
 * dispatcher instead of being answered "unknown".
 *
 * <p>{@link #submit} is safe from any thread; everything else runs on the agent's thread.
 */
final class EndDesk {
    private static final int MAX_PER_STEP = 4_096;
    private static final long DISPATCH_WAIT_NS = TimeUnit.SECONDS.toNanos(3);

    private final MessageStore store;
    private final CommitLog log;
    private final HalfLedger ledger;
    private final HalfIndexer indexer;
    private final Committer committer;
    private final Queue<EndRequest> requests = new ConcurrentLinkedQueue<>();
    private final StoredRecord record = new StoredRecord();
    private List<EndRequest> waiting = new ArrayList<>();
    private List<EndRequest> stillWaiting = new ArrayList<>();
    private final List<EndRequest> batch = new ArrayList<>();
    private final List<EndResult> answers = new ArrayList<>();
    private final List<PendingCommit> launches = new ArrayList<>();
    private final Map<Long, Decision> decidedThisStep = new HashMap<>();

    EndDesk(MessageStore store, HalfLedger ledger, HalfIndexer indexer, Committer committer) {
        this.store = store;
        this.log = store.commitLog();
        this.ledger = ledger;
        this.indexer = indexer;
        this.committer = committer;
    }

    void submit(EndRequest request) {
        requests.add(request);
    }

    /** Decides the requests waiting; returns 1 if it answered or launched anything. */
    int step(long nowMs) {
        if (requests.isEmpty() && waiting.isEmpty()) {
            return 0;
        }
        indexer.catchUp();
        for (EndRequest request : waiting) {
            batch.add(request);
        }
        waiting.clear();
        for (EndRequest r = batch.size() < MAX_PER_STEP ? requests.poll() : null;
                r != null;
                r = batch.size() < MAX_PER_STEP ? requests.poll() : null) {
            batch.add(r);
        }
        try {
            for (EndRequest request : batch) {
                answers.add(decide(request, nowMs));
            }
            ledger.write();
        } catch (RuntimeException e) {
            ledger.abort();
            for (EndRequest request : batch) {
                request.complete(EndResult.failed(request.offset(), "the transaction index failed: " + e));
            }
            stillWaiting.clear();
            clear();
            throw e;
        }
        int answered = 0;
        for (int i = 0; i < batch.size(); i++) {
            EndResult answer = answers.get(i);
            if (answer != null) {
                batch.get(i).complete(answer);
                answered++;
            }
        }
        for (PendingCommit commit : launches) {
            committer.submit(commit);
        }
        int launched = launches.size();
        clear();
        List<EndRequest> swap = waiting;
        waiting = stillWaiting;
        stillWaiting = swap;
        return answered + launched > 0 ? 1 : 0;
    }

    private void clear() {
        batch.clear();
        answers.clear();
        launches.clear();
        decidedThisStep.clear();
    }

    /** The answer now, or null when the request waits or its commit was launched. */
    private EndResult decide(EndRequest request, long nowMs) {
        long offset = request.offset();
        Decision earlier = decidedThisStep.get(offset);
        if (earlier != null) {
            return EndResult.alreadySettled(offset, earlier, "settled by an earlier request");
        }
        HalfEntry entry = ledger.index().half(offset, new HalfEntry());
        if (entry == null) {
            return untracked(request);
        }
        EndResult refusal = mismatch(request, entry);
        if (refusal != null) {
            return refusal;
        }
        if (entry.committing) {
            return EndResult.alreadySettled(offset, Decision.COMMIT, "its commit is under way");
        }
        switch (request.decision()) {
            case ROLLBACK -> {
                ledger.settled(entry, TransactionLayout.OUTCOME_ROLLED_BACK, nowMs);
                decidedThisStep.put(offset, Decision.ROLLBACK);
                return EndResult.rolledBack(offset);
            }
            case COMMIT -> {
                ledger.commitDecided(entry);
                decidedThisStep.put(offset, Decision.COMMIT);
                launches.add(new PendingCommit(entry, request));
                return null;
            }
            default -> {
                return EndResult.stillPending(
                        offset, entry.state == HalfEntry.PARKED ? "unknown: stays parked" : "unknown: stays pending");
            }
        }
    }

    private static EndResult mismatch(EndRequest request, HalfEntry entry) {
        String group = request.producerGroup();
        if (group != null && !group.isEmpty() && entry.producerGroup != null && !group.equals(entry.producerGroup)) {
            return EndResult.rejected(
                    entry.offset,
                    "producer group " + group + " does not match the half's PGROUP " + entry.producerGroup);
        }
        String key = request.uniqKey();
        if (key != null
                && !key.isEmpty()
                && entry.uniqKey != null
                && !key.equals(entry.uniqKey)
                && !isOffsetIdOf(key, entry.offset)) {
            return EndResult.rejected(
                    entry.offset, "message id " + key + " does not match the half's UNIQ_KEY " + entry.uniqKey);
        }
        return null;
    }

    /** Whether {@code id} is the half's offset message id (a client that sends that instead of UNIQ_KEY). */
    private static boolean isOffsetIdOf(String id, long offset) {
        try {
            return MessageIds.decodeOffsetMessageId(id).physicalOffset() == offset;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A request for an offset with no unsettled half: settled before, not dispatched yet, or unknown. */
    private EndResult untracked(EndRequest request) {
        long offset = request.offset();
        byte outcome = ledger.index().settledOutcome(offset);
        switch (outcome) {
            case TransactionLayout.OUTCOME_COMMITTED -> {
                return EndResult.alreadySettled(offset, Decision.COMMIT, "committed before");
            }
            case TransactionLayout.OUTCOME_ROLLED_BACK -> {
                return EndResult.alreadySettled(offset, Decision.ROLLBACK, "rolled back before");
            }
            case TransactionLayout.OUTCOME_LOST -> {
                return EndResult.lost(offset);
            }
            default -> {
                // not remembered as settled
            }
        }
        if (offset >= 0 && offset < log.writtenOffset() && offset >= store.dispatchedOffset()) {
            return awaitDispatch(request);
        }
        ByteBuffer bytes = offset >= 0 ? store.byPhysicalOffset(offset) : null;
        if (bytes == null) {
            return EndResult.unknownHalf(offset, "no message at commit-log offset " + offset);
        }
        record.wrap(bytes, 0);
        if (record.physicalOffset() != offset
                || !record.topicEquals(HalfTopic.NAME)
                || record.property(MessageProperty.REAL_TOPIC) == null) {
            return EndResult.unknownHalf(offset, "the message at commit-log offset " + offset + " is no half message");
        }
        if (record.queueOffset() < indexer.progress()) {
            return EndResult.alreadySettled(offset, null, "settled long ago; the decision is no longer remembered");
        }
        return awaitDispatch(request);
    }

    private EndResult awaitDispatch(EndRequest request) {
        long now = System.nanoTime();
        if (request.waitUntilNs() == 0) {
            request.waitUntilNs(now + DISPATCH_WAIT_NS);
        } else if (now - request.waitUntilNs() > 0) {
            return EndResult.unknownHalf(
                    request.offset(),
                    "the message at commit-log offset " + request.offset() + " was not indexed in time");
        }
        stillWaiting.add(request);
        return null;
    }

    /** Every request not answered yet, handed to {@code sink} and forgotten (closing thread, agent stopped). */
    void drainAll(Consumer<EndRequest> sink) {
        for (EndRequest request : waiting) {
            sink.accept(request);
        }
        waiting.clear();
        drainQueued(sink);
    }

    /** The requests not yet taken by a step, handed to {@code sink} and forgotten. Any thread. */
    void drainQueued(Consumer<EndRequest> sink) {
        for (EndRequest r = requests.poll(); r != null; r = requests.poll()) {
            sink.accept(r);
        }
    }
}
