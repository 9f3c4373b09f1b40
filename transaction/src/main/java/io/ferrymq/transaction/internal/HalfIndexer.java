package io.ferrymq.transaction.internal;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueueTail;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.HalfTopic;
import io.ferrymq.transaction.TransactionConfig;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the half topic's queue from the durable progress offset and tracks each half message as
 * pending, due for its first check at store time + max({@code transactionTimeOut}, {@code
 * CHECK_IMMUNITY_TIME_IN_SECONDS}). The entries and the new progress go into RocksDB in one batch,
 * so after a crash a half is either tracked with its progress or read again.
 *
 * <p>Runs on the transaction agent's thread only.
 */
final class HalfIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(HalfIndexer.class);

    private final MessageStore store;
    private final QueueTail tail;
    private final Consumer<StoredRecord> indexOne = this::indexOne;
    private final HalfLedger ledger;
    private final long timeoutMs;
    private final int batchSize;
    private final HalfPropertyScan scan = new HalfPropertyScan();
    private final HalfEntry entry = new HalfEntry();
    private byte[] properties = new byte[512];
    private long progress;

    HalfIndexer(MessageStore store, HalfLedger ledger, TransactionConfig config) {
        this.store = store;
        this.tail = new QueueTail(store, HalfTopic.NAME, HalfTopic.QUEUE_ID, "those transactions are lost");
        this.ledger = ledger;
        this.timeoutMs = config.transactionTimeOutMs();
        this.batchSize = config.indexBatchSize();
        this.progress = ledger.index().readLong(TransactionLayout.PROGRESS_KEY, 0);
    }

    /** The next queue offset of the half topic to index. */
    public long progress() {
        return progress;
    }

    /** Indexes everything dispatched so far. */
    public void catchUp() {
        while (step() > 0) {
            // another batch
        }
    }

    /** Indexes up to one batch; returns 1 if it did anything. */
    public int step() {
        if (store.maxOffset(HalfTopic.NAME, HalfTopic.QUEUE_ID) == progress) {
            return 0;
        }
        long next = tail.read(progress, batchSize, indexOne);
        if (next == progress) {
            return 0;
        }
        ledger.index().putLong(TransactionLayout.PROGRESS_KEY, next);
        ledger.write();
        progress = next;
        return 1;
    }

    private void indexOne(StoredRecord half) {
        int length = half.propertiesLength();
        if (properties.length < length) {
            properties = new byte[Math.max(length, properties.length * 2)];
        }
        half.buffer().get(half.propertiesPosition(), properties, 0, length);
        scan.scan(properties, 0, length);
        if (!scan.hasRealTopic()) {
            LOG.warn(
                    "half topic record at {} has no REAL_TOPIC; it is not a half message and is skipped",
                    half.physicalOffset());
            return;
        }
        entry.offset = half.physicalOffset();
        entry.state = HalfEntry.PENDING;
        entry.committing = false;
        entry.checks = 0;
        entry.storeMs = half.storeTimestamp();
        entry.nextCheckMs = firstCheckMs(entry.storeMs, Math.max(timeoutMs, scan.immunityMs()));
        entry.size = half.totalSize();
        entry.queueOffset = half.queueOffset();
        entry.realQueueId = scan.realQueueId();
        entry.producerGroup = scan.producerGroup();
        entry.uniqKey = scan.uniqKey();
        entry.realTopic = scan.realTopic();
        ledger.indexed(entry);
    }

    private static long firstCheckMs(long storeMs, long waitMs) {
        long at = storeMs + waitMs;
        return at < storeMs ? Long.MAX_VALUE : at;
    }
}
