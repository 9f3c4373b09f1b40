package io.ferrymq.transaction.internal;

import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.CheckBack;
import io.ferrymq.transaction.TransactionConfig;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks back pending halves whose check time has come, oldest due first, through the {@link
 * CheckBack}: a check sent to a live producer counts, and the half is due again after {@link
 * TransactionConfig#checkDelayMs}; a group without a live producer costs no check and is tried again
 * after {@link TransactionConfig#noProducerRetryMs()}; a half due after {@link
 * TransactionConfig#transactionCheckMax()} checks is parked instead. The check passes the stored half
 * as it is: nothing is copied or appended. One step's changes go into RocksDB in one batch.
 *
 * <p>Runs on the transaction agent's thread only; {@link #failures()} is safe from any thread.
 */
final class Checker {
    private static final Logger LOG = LoggerFactory.getLogger(Checker.class);
    private static final int SENT = 0;
    private static final int NO_PRODUCER = 1;
    private static final int UNANSWERABLE = 2;

    private final HalfLedger ledger;
    private final HalfReader reader;
    private final CheckBack checkBack;
    private final TransactionConfig config;
    private final long[] dueMs;
    private final long[] dueOffsets;
    private final HalfEntry entry = new HalfEntry();
    private final Set<String> absentGroups = new HashSet<>();
    private final AtomicLong failures = new AtomicLong();
    /** No half is due before this (0 at start: look). */
    private long nextDueMs;

    private int found;

    Checker(HalfLedger ledger, HalfReader reader, CheckBack checkBack, TransactionConfig config) {
        this.ledger = ledger;
        this.reader = reader;
        this.checkBack = checkBack;
        this.config = config;
        this.dueMs = new long[config.checksPerStep()];
        this.dueOffsets = new long[config.checksPerStep()];
    }

    /** Checks (or parks) the halves due by {@code nowMs}, up to one step's worth; returns 1 if any. */
    int step(long nowMs) {
        nextDueMs = Math.min(nextDueMs, ledger.takeDueHint());
        if (nowMs < nextDueMs) {
            return 0;
        }
        found = 0;
        ledger.index().scanTimeKeys(TransactionLayout.DUE, nowMs, dueMs.length, (ms, offset) -> {
            dueMs[found] = ms;
            dueOffsets[found] = offset;
            found++;
        });
        absentGroups.clear();
        for (int i = 0; i < found; i++) {
            checkOne(dueMs[i], dueOffsets[i], nowMs);
        }
        ledger.write();
        if (found == dueMs.length) {
            nextDueMs = nowMs;
        } else {
            long first = ledger.index().firstDueMs();
            nextDueMs = Math.min(first < 0 ? Long.MAX_VALUE : first, ledger.takeDueHint());
        }
        return found > 0 ? 1 : 0;
    }

    private void checkOne(long dueAtMs, long offset, long nowMs) {
        HalfEntry half = ledger.index().half(offset, entry);
        if (half == null || !half.checkable() || half.nextCheckMs != dueAtMs) {
            ledger.staleDue(dueAtMs, offset);
            return;
        }
        if (half.checks >= config.transactionCheckMax()) {
            LOG.warn(
                    "the half at {} (message id {}, group {}) got no answer to {} checks; it is parked"
                            + " until an operator resolves it",
                    offset,
                    half.uniqKey,
                    half.producerGroup,
                    half.checks);
            ledger.parked(half);
            return;
        }
        StoredRecord record = reader.read(offset, half.size);
        if (record == null) {
            LOG.error(
                    "the half at commit-log offset {} (message id {}) cannot be checked: {}; it is dropped",
                    offset,
                    half.uniqKey,
                    reader.whyGone(offset));
            ledger.settled(half, TransactionLayout.OUTCOME_LOST, nowMs);
            return;
        }
        switch (send(half, record)) {
            case SENT -> {
                half.checks++;
                half.nextCheckMs = later(nowMs, config.checkDelayMs(half.checks));
                ledger.counters().checkSent();
            }
            case UNANSWERABLE -> {
                half.checks++;
                half.nextCheckMs = later(nowMs, config.checkDelayMs(half.checks));
            }
            default -> {
                half.nextCheckMs = later(nowMs, config.noProducerRetryMs());
                ledger.counters().checkSkipped();
            }
        }
        ledger.rescheduled(half, dueAtMs);
    }

    /**
     * Sends the check: {@link #SENT} to a live producer, {@link #NO_PRODUCER} when the group has none
     * (or the call threw), {@link #UNANSWERABLE} for a half without PGROUP, which no producer can
     * answer: it spends its checks without a call and ends up parked.
     */
    private int send(HalfEntry half, StoredRecord record) {
        String group = half.producerGroup;
        if (group == null) {
            return UNANSWERABLE;
        }
        if (absentGroups.contains(group)) {
            return NO_PRODUCER;
        }
        boolean sent;
        try {
            sent = checkBack.check(group, record.buffer().duplicate(), half.offset, half.uniqKey);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("checking back the half at {} with group {} failed", half.offset, group, e);
            sent = false;
        }
        if (!sent) {
            absentGroups.add(group);
        }
        return sent ? SENT : NO_PRODUCER;
    }

    private static long later(long nowMs, long delayMs) {
        long at = nowMs + delayMs;
        return at < nowMs ? Long.MAX_VALUE : at;
    }

    /** Checks whose {@link CheckBack} threw, since this start. */
    long failures() {
        return failures.get();
    }
}
