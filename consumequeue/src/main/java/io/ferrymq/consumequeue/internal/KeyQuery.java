package io.ferrymq.consumequeue.internal;

import io.ferrymq.commitlog.CommitLog;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Queries by message key and by unique id (QUERY_MESSAGE, wire-protocol §4.11). Every candidate from
 * the {@link KeyIndex} is confirmed against the record in the log (topic, store time, and the key in
 * KEYS or UNIQ_KEY), so neither another key with the same hash nor an index entry left behind by a
 * crash, whose bytes were since overwritten by another record, is ever returned. Entries below the
 * log's min offset, and those at or past the dispatched offset, are skipped.
 *
 * <p>Thread-safe: holds no state of its own.
 */
public final class KeyQuery {
    private final CommitLog log;
    private final KeyIndex index;
    private final LongSupplier dispatchedOffset;

    public KeyQuery(CommitLog log, KeyIndex index, LongSupplier dispatchedOffset) {
        this.log = log;
        this.index = index;
        this.dispatchedOffset = dispatchedOffset;
    }

    public QueryResult byKey(String topic, String key, int maxNum, long beginMs, long endMs) {
        StoredRecord record = new StoredRecord();
        KeyIndex.KeyHits hits = index.query(
                topic, key, beginMs, endMs, maxNum, log.minOffset(), hit -> confirm(record, hit, topic, key, false));
        List<ByteBuffer> messages = new ArrayList<>(hits.hits().size());
        for (KeyHit hit : hits.hits()) {
            ByteBuffer bytes = log.slice(hit.physicalOffset(), hit.size());
            if (bytes != null) {
                messages.add(bytes);
            }
        }
        return new QueryResult(messages, hits.truncated(), dispatchedOffset.getAsLong());
    }

    /** The oldest record of {@code topic} whose UNIQ_KEY is {@code uniqKey}, or null. */
    public ByteBuffer byUniqueId(String topic, String uniqKey) {
        StoredRecord record = new StoredRecord();
        KeyIndex.KeyHits hits = index.query(
                topic,
                uniqKey,
                0,
                Long.MAX_VALUE,
                1,
                log.minOffset(),
                hit -> confirm(record, hit, topic, uniqKey, true));
        if (hits.hits().isEmpty()) {
            return null;
        }
        KeyHit hit = hits.hits().get(0);
        return log.slice(hit.physicalOffset(), hit.size());
    }

    private boolean confirm(StoredRecord record, KeyHit hit, String topic, String key, boolean uniqueOnly) {
        if (hit.physicalOffset() >= dispatchedOffset.getAsLong()) {
            return false;
        }
        ByteBuffer bytes = log.slice(hit.physicalOffset(), hit.size());
        if (bytes == null) {
            return false;
        }
        record.wrap(bytes, 0);
        if (record.totalSize() != hit.size()
                || record.physicalOffset() != hit.physicalOffset()
                || record.storeTimestamp() != hit.storeTimeMs()
                || !record.topicEquals(topic)) {
            return false;
        }
        if (key.equals(record.property(MessageProperty.UNIQ_KEY))) {
            return true;
        }
        return !uniqueOnly && containsWord(record.property(MessageProperty.KEYS), key);
    }

    private static boolean containsWord(String keys, String key) {
        if (keys == null) {
            return false;
        }
        for (String word : keys.split(" ")) {
            if (word.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
