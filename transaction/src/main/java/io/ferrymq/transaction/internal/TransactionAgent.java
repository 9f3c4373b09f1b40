package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.agent.Agent;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer of the transaction state. Each step applies completed commits, indexes new half
 * messages, decides END_TRANSACTION requests, launches the commits that are ready, checks back the
 * halves that are due, and prunes old settled records. A step that fails forgets its unwritten
 * changes before the failure reaches the runner.
 *
 * <p>Runs on the thread {@value #ROLE} (an {@link io.ferrymq.commitlog.agent.AgentRunner}), or on
 * the closing thread once that has stopped. {@link #steps()} is safe from any thread.
 */
public final class TransactionAgent implements Agent {
    public static final String ROLE = "transaction-checker";

    private final HalfLedger ledger;
    private final Settler settler;
    private final HalfIndexer indexer;
    private final EndDesk desk;
    private final Committer committer;
    private final Checker checker;
    private final SettledPruner pruner;
    private final Clock clock;
    private final AtomicLong steps = new AtomicLong();

    TransactionAgent(
            HalfLedger ledger,
            Settler settler,
            HalfIndexer indexer,
            EndDesk desk,
            Committer committer,
            Checker checker,
            SettledPruner pruner,
            Clock clock) {
        this.ledger = ledger;
        this.settler = settler;
        this.indexer = indexer;
        this.desk = desk;
        this.committer = committer;
        this.checker = checker;
        this.pruner = pruner;
        this.clock = clock;
    }

    @Override
    public int doWork() {
        try {
            long now = clock.millis();
            int work = settler.step(now);
            work += indexer.step();
            work += desk.step(now);
            work += committer.step(now);
            work += checker.step(now);
            work += pruner.step(now);
            return work;
        } catch (RuntimeException e) {
            ledger.abort();
            throw e;
        } finally {
            steps.incrementAndGet();
        }
    }

    /** Applies the commits completed so far (at close, once the runner stopped). */
    void finish() {
        settler.step(clock.millis());
    }

    /** Steps finished (or failed) since start. */
    public long steps() {
        return steps.get();
    }

    @Override
    public String roleName() {
        return ROLE;
    }
}
