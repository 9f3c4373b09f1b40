package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.commitlog.StoreCheckpoint;
import io.ferrymq.commitlog.agent.Agent;
import io.ferrymq.consumequeue.DispatchListener;
import io.ferrymq.consumequeue.StoreDb;
import io.ferrymq.consumequeue.StoreException;
import io.ferrymq.protocol.message.IndexFields;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher: tails the commit log from where indexing stopped up to its written end, and for each
 * record appends the consume-queue entry, adds the key-index entries and tells the {@link
 * DispatchListener}s. On an interval it makes what it built durable (consume-queue files forced, the
 * queue manifest recorded and RocksDB's write-ahead log synced, the key index's files forced and their
 * header updated) and only then advances the checkpoint's indexed offset. It also applies retention:
 * queues forget entries whose records were deleted, and the key index deletes files that point only
 * at deleted records.
 *
 * <p>A step's entries become visible together at its end: the dispatched offset (reads by physical
 * offset and key) first, then each touched queue's max offset, then the listeners are told. Key-index
 * entries are published as they are written, but {@link KeyQuery} ignores those at or past the
 * dispatched offset.
 *
 * <p>Single writer of the consume queues, the key index and the manifest: {@link #doWork()} runs on
 * one thread (a {@link io.ferrymq.commitlog.agent.AgentRunner}, or the opening thread during recovery). {@link
 * #dispatchedOffset()}, {@link #onRetention} and the listener list are safe from any thread.
 */
public final class DispatchAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchAgent.class);
    private static final int RECORDS_PER_STEP = 1024;

    private final CommitLog log;
    private final ConsumeQueueTable table;
    private final KeyIndex index;
    private final QueueManifest manifest;
    private final StoreDb db;
    private final StoreCheckpoint checkpoint;
    private final Clock clock;
    private final long flushIntervalMs;
    private final LogScanner scanner;
    private final TopicLookup lookup;
    private final DispatchNotices notices = new DispatchNotices(RECORDS_PER_STEP);
    private final List<DispatchListener> listeners = new CopyOnWriteArrayList<>();
    private final RecordVisitor dispatchOne = this::dispatch;
    private final java.util.ArrayList<ConsumeQueue> touched = new java.util.ArrayList<>();
    private final IndexFields fields = new IndexFields();
    private volatile long dispatchedOffset;
    private volatile long dispatchedMessages;
    private long counted;
    private long checkpointedOffset;
    private long lastFlushMs;
    private volatile long retentionMinOffset = -1;
    private long appliedMinOffset = -1;

    DispatchAgent(
            CommitLog log,
            ConsumeQueueTable table,
            KeyIndex index,
            StoreDb db,
            StoreCheckpoint checkpoint,
            Clock clock,
            long flushIntervalMs,
            long startOffset) {
        this.log = log;
        this.table = table;
        this.db = db;
        this.index = index;
        this.manifest = new QueueManifest(db);
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.flushIntervalMs = flushIntervalMs;
        this.scanner = new LogScanner(log);
        this.lookup = new TopicLookup(table);
        this.dispatchedOffset = startOffset;
        this.checkpointedOffset = startOffset;
        this.lastFlushMs = clock.millis();
    }

    public KeyIndex index() {
        return index;
    }

    /** Everything in the commit log before this offset is readable through the queues and the index. */
    public long dispatchedOffset() {
        return dispatchedOffset;
    }

    /** Records dispatched since this store opened (recovery's re-dispatch included); any thread. */
    public long dispatchedMessages() {
        return dispatchedMessages;
    }

    public void addListener(DispatchListener listener) {
        listeners.add(listener);
    }

    /** Called on the retention thread with the commit log's new min offset; applied on the next step. */
    public void onRetention(long newMinOffset) {
        retentionMinOffset = newMinOffset;
    }

    /** One step: retention, up to {@value #RECORDS_PER_STEP} records, a due flush. */
    @Override
    public int doWork() {
        int work = applyRetention();
        work += dispatchStep();
        if (clock.millis() - lastFlushMs >= flushIntervalMs) {
            work += checkpoint();
        }
        return work;
    }

    /** Dispatches everything written so far (recovery, tests). */
    public void drain() {
        while (dispatchStep() > 0) {
            // each step handles a bounded slice
        }
    }

    private int dispatchStep() {
        long from = dispatchedOffset;
        long written = log.writtenOffset();
        if (from >= written) {
            return 0;
        }
        long reached = scanner.scan(from, written, notices.capacity(), dispatchOne);
        dispatchedOffset = reached;
        dispatchedMessages = counted;
        for (int i = 0; i < touched.size(); i++) {
            touched.get(i).publish();
        }
        touched.clear();
        notices.deliver(listeners);
        return reached > from ? 1 : 0;
    }

    private void dispatch(StoredRecord record, long physicalOffset) {
        counted++;
        IndexFields fields = this.fields.read(record);
        TopicQueues queues = lookup.find(fields);
        int queueId = record.queueId();
        ConsumeQueue queue = queues.findOrCreate(queueId);
        long queueOffset = record.queueOffset();
        long tagsHash = fields.tagsHashCode();
        long storeTimeMs = record.storeTimestamp();
        int size = record.totalSize();
        long expected = queue.writtenMaxOffset();
        if (expected == queue.maxOffset()) {
            touched.add(queue);
        }
        if (queue.append(queueOffset, physicalOffset, size, tagsHash) && queueOffset != expected && expected > 0) {
            LOG.warn(
                    "consume queue {}-{} jumped from {} to {} at commit-log offset {}",
                    queues.topic(),
                    queueId,
                    expected,
                    queueOffset,
                    physicalOffset);
        }
        index.add(fields, storeTimeMs, physicalOffset, size);
        notices.add(queues.topic(), queueId, queueOffset, physicalOffset, size, storeTimeMs, tagsHash);
    }

    /**
     * Makes everything dispatched so far durable, then advances and persists the checkpoint's indexed
     * offset. Returns 1 when the offset moved.
     */
    public int checkpoint() {
        lastFlushMs = clock.millis();
        long upTo = dispatchedOffset;
        List<ConsumeQueue> queues = table.all();
        for (ConsumeQueue queue : queues) {
            queue.flush();
        }
        manifest.record(queues);
        db.syncWal();
        index.sync(upTo);
        if (upTo == checkpointedOffset && checkpoint.indexedOffset() == upTo) {
            return 0;
        }
        checkpoint.indexed(upTo, lastFlushMs);
        try {
            checkpoint.persist();
        } catch (IOException e) {
            throw new StoreException("cannot persist the checkpoint " + checkpoint.file(), e);
        }
        checkpointedOffset = upTo;
        return 1;
    }

    private int applyRetention() {
        long target = retentionMinOffset;
        if (target <= appliedMinOffset) {
            return 0;
        }
        for (ConsumeQueue queue : table.all()) {
            queue.forgetBelow(target);
        }
        appliedMinOffset = target;
        index.deleteBelow(target);
        if (target > 0) {
            LOG.info("retention: queues and key index forget records below commit-log offset {}", target);
        }
        return 1;
    }

    @Override
    public String roleName() {
        return "store-dispatcher";
    }
}
