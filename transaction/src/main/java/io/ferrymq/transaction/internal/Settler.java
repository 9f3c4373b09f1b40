package io.ferrymq.transaction.internal;

import io.ferrymq.commitlog.AppendStatus;
import io.ferrymq.transaction.EndResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what became of commit attempts (the completion queue): a written append or an earlier
 * delivery settles the half as committed; a vanished half settles it as lost; a refused append
 * leaves the commit recorded and hands it back to the {@link Committer} for a later try. The
 * settles of one step go into RocksDB in one batch, and only then are the requests answered.
 *
 * <p>Runs on the transaction agent's thread (or the closing thread once that has stopped).
 */
final class Settler {
    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final int MAX_PER_STEP = 8_192;

    private final HalfLedger ledger;
    private final Queue<Completion> completions;
    private final Committer committer;
    private final long retryMs;
    private final List<Completion> drained = new ArrayList<>();
    private final List<EndResult> answers = new ArrayList<>();
    private final List<PendingCommit> retries = new ArrayList<>();
    private boolean refusing;

    Settler(HalfLedger ledger, Queue<Completion> completions, Committer committer, long retryMs) {
        this.ledger = ledger;
        this.completions = completions;
        this.committer = committer;
        this.retryMs = retryMs;
    }

    /** Applies the completions reported so far; returns 1 if there were any. */
    int step(long nowMs) {
        while (drained.size() < MAX_PER_STEP) {
            Completion c = completions.poll();
            if (c == null) {
                break;
            }
            drained.add(c);
        }
        if (drained.isEmpty()) {
            return 0;
        }
        try {
            for (Completion completion : drained) {
                answers.add(apply(completion, nowMs));
            }
            ledger.write();
        } catch (RuntimeException e) {
            ledger.abort();
            for (Completion completion : drained) {
                committer.retry(completion.commit(), nowMs + retryMs, true);
            }
            answers.clear();
            drained.clear();
            retries.clear();
            throw e;
        }
        for (PendingCommit commit : retries) {
            committer.retry(commit, nowMs + retryMs, commit.mayHaveLanded);
        }
        retries.clear();
        for (int i = 0; i < drained.size(); i++) {
            EndResult answer = answers.get(i);
            if (answer != null) {
                drained.get(i).commit().answer(answer);
            }
        }
        answers.clear();
        drained.clear();
        return 1;
    }

    /** The answer for the commit's request, or null when it is tried again. */
    private EndResult apply(Completion completion, long nowMs) {
        PendingCommit commit = completion.commit();
        HalfEntry entry = commit.entry;
        switch (completion.kind()) {
            case Completion.ALREADY_DELIVERED -> {
                LOG.info(
                        "the commit of the half at {} had already been delivered (at {}) by an earlier run;"
                                + " it is not appended again",
                        entry.offset,
                        completion.deliveredOffset());
                ledger.counters().duplicateAvoided();
                ledger.settled(entry, TransactionLayout.OUTCOME_COMMITTED, nowMs);
                return EndResult.committed(entry.offset, completion.deliveredOffset());
            }
            case Completion.LOST -> {
                LOG.error(
                        "the half at commit-log offset {} ({} bytes, message id {}) cannot be committed: {}",
                        entry.offset,
                        entry.size,
                        entry.uniqKey,
                        committer.whyGone(entry.offset));
                ledger.settled(entry, TransactionLayout.OUTCOME_LOST, nowMs);
                return EndResult.lost(entry.offset);
            }
            default -> {
                return appended(completion, commit, entry, nowMs);
            }
        }
    }

    private EndResult appended(Completion completion, PendingCommit commit, HalfEntry entry, long nowMs) {
        if (completion.error() == null && completion.result().written()) {
            refusing = false;
            ledger.settled(entry, TransactionLayout.OUTCOME_COMMITTED, nowMs);
            return EndResult.committed(entry.offset, completion.result().physicalOffset());
        }
        if (completion.error() == null && completion.result().status() == AppendStatus.RECORD_TOO_LARGE) {
            LOG.error("the commit of the half at {} is too large to append; it is dropped", entry.offset);
            ledger.settled(entry, TransactionLayout.OUTCOME_LOST, nowMs);
            return EndResult.failed(entry.offset, "the committed message is too large to append; it was dropped");
        }
        String why = completion.error() != null
                ? completion.error().toString()
                : completion.result().status().toString();
        if (!refusing) {
            refusing = true;
            LOG.warn("the store refused a commit's append ({}); retrying every {} ms", why, retryMs);
        }
        // an append that threw may or may not have landed: the retry checks the real topic first
        commit.mayHaveLanded |= completion.error() != null;
        retries.add(commit);
        return EndResult.failed(
                entry.offset, "the store refused the append (" + why + "); the commit is recorded and retried");
    }
}
