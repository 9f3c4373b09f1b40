package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.agent.AgentRunner;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.transaction.CheckBack;
import io.ferrymq.transaction.EndResult;
import io.ferrymq.transaction.HalfTopic;
import io.ferrymq.transaction.TransactionConfig;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction machinery wired together over one store: the index and its counters and pins, the
 * agent's parts, and its runner. Opening reads the durable state and queues the commits a previous run
 * recorded but did not settle; {@link #start()} starts the agent's thread and subscribes to dispatch
 * notices of the half topic; {@link #close()} stops it, waits for commits in flight and settles them.
 *
 * <p>Thread-safe as a whole: {@link #submit}, the accessors and {@link #close} may be called from any
 * thread; its parts document their own threads.
 */
public final class TransactionParts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionParts.class);
    private static final long CLOSE_WAIT_MS = 10_000;

    private final MessageStore store;
    private final TransactionIndex index;
    private final TransactionCounters counters;
    private final SegmentPins pins;
    private final HalfIndexer indexer;
    private final EndDesk desk;
    private final Committer committer;
    private final Checker checker;
    private final TransactionAgent agent;
    private final AgentRunner runner;
    private final int recovered;
    private volatile boolean closed;

    private TransactionParts(MessageStore store, TransactionConfig config, Clock clock, CheckBack checkBack) {
        this.store = store;
        this.index = new TransactionIndex(store.storeDb());
        this.counters = TransactionCounters.load(index);
        this.pins = SegmentPins.load(index, store.commitLog().segmentSizeBytes());
        HalfLedger ledger = new HalfLedger(index, counters, pins);
        Queue<Completion> completions = new ConcurrentLinkedQueue<>();
        Runnable[] wake = new Runnable[1];
        this.committer = new Committer(store, completions, () -> wake[0].run(), config.maxInFlightCommits());
        this.indexer = new HalfIndexer(store, ledger, config);
        this.desk = new EndDesk(store, ledger, indexer, committer);
        this.checker = new Checker(ledger, new HalfReader(store.commitLog()), checkBack, config);
        this.agent = new TransactionAgent(
                ledger,
                new Settler(ledger, completions, committer, config.commitRetryMs()),
                indexer,
                desk,
                committer,
                checker,
                new SettledPruner(index, config.settledRetentionMs()),
                clock);
        this.runner = new AgentRunner(agent, TimeUnit.MILLISECONDS.toNanos(config.idleMs()));
        wake[0] = runner::wake;
        this.recovered = recoverCommits();
    }

    public static TransactionParts open(
            MessageStore store, TransactionConfig config, Clock clock, CheckBack checkBack) {
        return new TransactionParts(store, config, clock, checkBack);
    }

    /** Queues the commits a previous run recorded but did not settle; they go through the duplicate check. */
    private int recoverCommits() {
        int[] count = new int[1];
        index.scanOffsetKeys(TransactionLayout.COMMITTING, 0, Integer.MAX_VALUE, (offset, value) -> {
            HalfEntry entry = index.half(offset, new HalfEntry());
            if (entry != null && entry.committing) {
                PendingCommit commit = new PendingCommit(entry, null);
                commit.mayHaveLanded = true;
                committer.submit(commit);
                count[0]++;
            }
            return true;
        });
        return count[0];
    }

    public void start() {
        store.addDispatchListener((topic, queueId, queueOffset, physicalOffset, size, storeMs, tagsHash) -> {
            if (!closed && HalfTopic.NAME.equals(topic)) {
                runner.wake();
            }
        });
        runner.start();
        LOG.info(
                "transaction service started: {} pending, {} parked, {} commits to finish; indexing the half"
                        + " topic from queue offset {}",
                counters.pending(),
                counters.parked(),
                recovered,
                indexer.progress());
    }

    /** Hands an END request to the agent; answered at once with FAILED once closed. */
    public void submit(EndRequest request) {
        if (closed) {
            request.complete(EndResult.failed(request.offset(), "the transaction service is closed"));
            return;
        }
        desk.submit(request);
        runner.wake();
        if (closed) {
            // close may have drained the queue just before this request arrived
            desk.drainQueued(TransactionParts::failClosed);
        }
    }

    private static void failClosed(EndRequest request) {
        request.complete(EndResult.failed(request.offset(), "the transaction service is closed"));
    }

    public void wake() {
        runner.wake();
    }

    public TransactionIndex index() {
        return index;
    }

    public TransactionCounters counters() {
        return counters;
    }

    public SegmentPins pins() {
        return pins;
    }

    public TransactionAgent agent() {
        return agent;
    }

    public long indexProgress() {
        return indexer.progress();
    }

    public long checkFailures() {
        return checker.failures();
    }

    /** Step failures of the agent's thread since start. */
    public long agentFailures() {
        return runner.failures();
    }

    /**
     * Stops the agent, waits (up to 10 s) for commit appends in flight and settles them. Requests not
     * answered yet are answered FAILED (their halves stay pending; recorded commits are finished at
     * the next start). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        runner.close();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        while (committer.inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (committer.inFlight() > 0) {
            LOG.warn(
                    "{} commit appends still in flight at close; they are finished after restart",
                    committer.inFlight());
        }
        try {
            agent.finish();
        } catch (RuntimeException e) {
            LOG.error("settling the last commits at close failed; they are finished after restart", e);
        }
        desk.drainAll(TransactionParts::failClosed);
        committer.drainWaiting(commit -> commit.answer(EndResult.failed(
                commit.entry.offset, "the transaction service closed; the commit is finished after restart")));
        index.close();
        LOG.info("transaction service closed: {} pending, {} parked", counters.pending(), counters.parked());
    }
}
