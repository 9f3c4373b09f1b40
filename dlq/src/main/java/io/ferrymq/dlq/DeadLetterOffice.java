package io.ferrymq.dlq;

import com.google.common.util.concurrent.RateLimiter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.internal.DeadLetterCounts;
import io.ferrymq.dlq.internal.DeadLetterReader;
import io.ferrymq.dlq.internal.DlqLedger;
import io.ferrymq.dlq.internal.Replayer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter office, the dead-letter queues' admin side: counts of messages sent to each
 * group's DLQ (a metric), reading a DLQ by store time, by queue offset or by message id, and
 * replaying dead letters to their original topic or the group's retry topic. State lives in the
 * column family {@code dlq} of the store's RocksDB and survives restarts.
 *
 * <p>A replay is durable, unlike RocketMQ's dashboard "resend", which hands the message to an online
 * consumer and fails when none is connected: the message is appended to the target topic, to be
 * consumed whenever a consumer comes. It is idempotent and crash-safe: each dead letter is replayed at
 * most once (a later call answers {@link ReplayStatus#ALREADY_REPLAYED}), even across a crash between
 * the append and the recording of its outcome. A dead letter that fails again after its replay comes
 * back as a new dead letter, which can be replayed in turn.
 *
 * <p>Thread-safe. {@link #replay} blocks (rate limit, appends): call it from an admin executor, never
 * from an I/O thread. Close it before the store.
 */
public final class DeadLetterOffice implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOffice.class);

    private final DeadLetterCounts counts;
    private final DeadLetterReader reader;
    private final Replayer replayer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DeadLetterOffice(MessageStore store, Clock clock) {
        DlqLedger ledger = new DlqLedger(store.storeDb());
        this.counts = new DeadLetterCounts(ledger);
        this.reader = new DeadLetterReader(store, ledger);
        this.replayer = new Replayer(store, ledger, reader, clock);
        int pruned = ledger.pruneReplaysBelow(store.commitLog().minOffset());
        if (pruned > 0) {
            LOG.info("dlq: forgot the replay state of {} dead letters gone to retention", pruned);
        }
    }

    /** Opens the state in {@code store}'s database (creating the column family on first use). */
    public static DeadLetterOffice start(MessageStore store, Clock clock) {
        return new DeadLetterOffice(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
    }

    /** Counts one message sent to {@code group}'s DLQ; the broker calls it after the DLQ append succeeded. */
    public void recordDeadLettered(String group) {
        ensureOpen();
        counts.increment(checkGroup(group));
    }

    /** Messages sent to {@code group}'s DLQ since the store was created. */
    public long deadLetterCount(String group) {
        return counts.count(group);
    }

    /** Messages sent to each group's DLQ since the store was created, by group (sorted). */
    public Map<String, Long> deadLetterCounts() {
        return counts.snapshot();
    }

    /**
     * Up to {@code max} messages of {@code %DLQ%<group>} stored within [{@code beginMs}, {@code endMs}],
     * oldest first, without bodies.
     */
    public List<DeadLetter> list(String group, long beginMs, long endMs, int max) {
        ensureOpen();
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return reader.list(checkGroup(group), beginMs, endMs, max);
    }

    /**
     * The newest dead letter of {@code group} whose id is {@code msgId} (its UNIQ_KEY, or an offset
     * message id), with its body.
     */
    public Optional<DeadLetter> view(String group, String msgId) {
        ensureOpen();
        if (msgId == null || msgId.isBlank()) {
            return Optional.empty();
        }
        return reader.view(checkGroup(group), msgId);
    }

    /** The dead letter at {@code queueOffset} of {@code %DLQ%<group>}, with its body. */
    public Optional<DeadLetter> view(String group, long queueOffset) {
        ensureOpen();
        return reader.view(checkGroup(group), queueOffset);
    }

    /**
     * Replays the dead letters {@code msgIds} (UNIQ_KEYs or offset message ids; for each, the newest
     * dead letter of that id) in order, appending each to {@code target} with its UNIQ_KEY (the id
     * consumers saw), its reconsume count reset to 0 and the DLQ's own properties removed. Appends are
     * paced to {@code permitsPerSecond}. Every id gets a result, in the order given.
     *
     * @param chooser picks the target topic's queue
     * @throws IllegalArgumentException if {@code permitsPerSecond} is not above 0
     */
    public List<ReplayResult> replay(
            String group, List<String> msgIds, ReplayTarget target, double permitsPerSecond, QueueChooser chooser) {
        ensureOpen();
        checkGroup(group);
        Objects.requireNonNull(msgIds, "msgIds");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(chooser, "chooser");
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be above 0, was " + permitsPerSecond);
        }
        RateLimiter limiter = RateLimiter.create(permitsPerSecond);
        List<ReplayResult> results = new ArrayList<>(msgIds.size());
        for (String msgId : msgIds) {
            results.add(
                    closed.get()
                            ? ReplayResult.failed(msgId, null, "the dead-letter service closed; not replayed")
                            : replayOne(group, msgId, target, chooser, limiter));
        }
        return results;
    }

    private ReplayResult replayOne(
            String group, String msgId, ReplayTarget target, QueueChooser chooser, RateLimiter limiter) {
        if (msgId == null || msgId.isBlank()) {
            return ReplayResult.failed(msgId, null, "an empty message id");
        }
        try {
            return replayer.replay(group, msgId, target, chooser, limiter);
        } catch (RuntimeException e) {
            // a failure of the store or RocksDB: this message's result says so, the next ones are tried
            LOG.warn("dlq: replay of {} from {} failed", msgId, RetryTopics.dlq(group), e);
            return ReplayResult.failed(msgId, null, "replay failed: " + e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the dead-letter service is closed");
        }
    }

    private static String checkGroup(String group) {
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("a consumer group name is required");
        }
        return group;
    }

    /**
     * Refuses further calls; a replay under way finishes the message it is on and answers FAILED for
     * the rest. The store and its database stay open (the office holds no resources of its own).
     * Idempotent.
     */
    @Override
    public void close() {
        closed.set(true);
    }
}
