package io.ferrymq.consumequeue;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.DiskUsageProbe;
import io.ferrymq.commitlog.RecordSource;
import io.ferrymq.commitlog.StoreDirectory;
import io.ferrymq.commitlog.agent.AgentRunner;
import io.ferrymq.consumequeue.internal.ConsumeQueue;
import io.ferrymq.consumequeue.internal.ConsumeQueueTable;
import io.ferrymq.consumequeue.internal.DispatchAgent;
import io.ferrymq.consumequeue.internal.KeyQuery;
import io.ferrymq.consumequeue.internal.QueueReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store the broker uses: appends go to the commit log; a dispatcher thread builds the consume
 * queues and the key index from it; reads go through those. A message becomes readable (by queue,
 * physical offset, key or id) only once dispatched. Opening recovers: the commit log first, then the
 * indexes are rebuilt from it past the checkpoint (see {@code StoreRecovery}).
 *
 * <p>Thread-safe: appends and reads may come from any number of threads. Buffers returned by reads
 * are read-only views of the commit log's mapped memory, valid until retention deletes their segment
 * (plus the commit log's grace period) or the store closes.
 */
public final class MessageStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    private static final long DISPATCH_IDLE_MS = 50;
    /** While appends keep coming, the dispatcher polls this often instead of being woken per append. */
    private static final long DISPATCH_BUSY_POLL_US = 500;

    private static final long DISPATCH_QUIET_MS = 20;

    private final StoreDirectory directory;
    private final CommitLog log;
    private final StoreDb db;
    private final ConsumeQueueTable queues;
    private final DispatchAgent dispatcher;
    private final AgentRunner runner;
    private final QueueReader reader;
    private final KeyQuery keys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MessageStore(StoreOpening opened) {
        this.directory = opened.directory();
        this.log = opened.log();
        this.db = opened.db();
        this.queues = opened.queues();
        this.dispatcher = opened.dispatcher();
        this.runner = AgentRunner.coalescing(
                dispatcher,
                TimeUnit.MICROSECONDS.toNanos(DISPATCH_BUSY_POLL_US),
                TimeUnit.MILLISECONDS.toNanos(DISPATCH_QUIET_MS),
                TimeUnit.MILLISECONDS.toNanos(DISPATCH_IDLE_MS));
        this.reader = new QueueReader(log, queues, dispatcher::dispatchedOffset);
        this.keys = new KeyQuery(log, dispatcher.index(), dispatcher::dispatchedOffset);
    }

    /**
     * Locks the store directory, opens (and recovers) the commit log, recovers the consume queues and
     * the key index from it, and starts the dispatcher.
     *
     * @throws io.ferrymq.commitlog.StoreLockedException if another process has the store open
     */
    public static MessageStore open(StoreConfig config, Clock clock, DiskUsageProbe probe) throws IOException {
        MessageStore store = new MessageStore(StoreOpening.open(config, clock, probe));
        store.start();
        return store;
    }

    private void start() {
        log.addRetentionListener(minOffset -> {
            dispatcher.onRetention(minOffset);
            runner.wake();
        });
        dispatcher.onRetention(log.minOffset());
        log.addAppendListener(written -> runner.wake());
        runner.start();
        LOG.info(
                "message store {} open: commit log {}..{}, {} queues",
                directory.root(),
                log.minOffset(),
                log.writtenOffset(),
                queues.all().size());
    }

    public CompletableFuture<AppendResult> put(RecordSource record) {
        return log.append(record);
    }

    /** Appends records of one (topic, queue) contiguously and atomically. */
    public CompletableFuture<AppendResult> putBatch(List<? extends RecordSource> records) {
        return log.appendBatch(records);
    }

    /**
     * Up to {@code maxCount} dispatched records of (topic, queueId) from queue offset {@code offset} that
     * pass {@code filter}, stopping before {@code maxBytes} would be exceeded (the first record is
     * always returned whole). Status and nextBeginOffset as in wire-protocol §4.4.
     */
    public GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        return reader.get(topic, queueId, offset, maxCount, maxBytes, filter);
    }

    /** The dispatched record starting at {@code physicalOffset}, or null. */
    public ByteBuffer byPhysicalOffset(long physicalOffset) {
        return reader.byPhysicalOffset(physicalOffset);
    }

    /** Records of {@code topic} with {@code key} in KEYS or as UNIQ_KEY, stored within [beginMs, endMs]. */
    public QueryResult queryByKey(String topic, String key, int maxNum, long beginMs, long endMs) {
        return keys.byKey(topic, key, maxNum, beginMs, endMs);
    }

    /** The record of {@code topic} whose UNIQ_KEY is {@code uniqKey} (the oldest if several), or null. */
    public ByteBuffer byUniqueId(String topic, String uniqKey) {
        return keys.byUniqueId(topic, uniqKey);
    }

    /** The queue's first readable offset; 0 for an unknown queue. */
    public long minOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.minOffset();
    }

    /** The queue's next offset to be dispatched (its message count if nothing was deleted); 0 if unknown. */
    public long maxOffset(String topic, int queueId) {
        ConsumeQueue queue = queues.find(topic, queueId);
        return queue == null ? 0 : queue.maxOffset();
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP (wire-protocol §4.5). */
    public long offsetByTime(String topic, int queueId, long timestampMs, BoundaryType boundary) {
        return reader.offsetByTime(topic, queueId, timestampMs, boundary);
    }

    /** The store time of the queue's first readable message, or -1 when it has none. */
    public long earliestStoreTime(String topic, int queueId) {
        return reader.earliestStoreTime(topic, queueId);
    }

    public void addDispatchListener(DispatchListener listener) {
        dispatcher.addListener(listener);
    }

    /** Every commit-log byte before this offset has been dispatched. */
    public long dispatchedOffset() {
        return dispatcher.dispatchedOffset();
    }

    /**
     * Messages dispatched (made readable) since this store opened, recovery's re-dispatch of a
     * crashed log's tail included: a count for rates, read from any thread.
     */
    public long dispatchedMessages() {
        return dispatcher.dispatchedMessages();
    }

    public CommitLog commitLog() {
        return log;
    }

    /** The store's RocksDB, for modules that keep their own column families in it. */
    public StoreDb storeDb() {
        return db;
    }

    /**
     * Stops the dispatcher after it has dispatched what is written, makes the indexes durable and
     * checkpoints them, closes RocksDB and the commit log, and releases the store directory (removing
     * the abort marker). Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        runner.close();
        try {
            dispatcher.drain();
            dispatcher.checkpoint();
        } finally {
            db.close();
            log.close();
            directory.close();
        }
        LOG.info("message store {} closed", directory.root());
    }
}
