package io.ferrymq.dlq.internal;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every dispatched record of a topic whose UNIQ_KEY is a given id, oldest first: the store's key index
 * read page by page (a retried message has one record per attempt, all with the same UNIQ_KEY), at
 * most {@value #MAX_RECORDS}.
 *
 * <p>Thread-safe: holds no state of its own.
 */
public final class UniqueKeySearch {
    static final int MAX_RECORDS = 4_096;
    private static final int PAGE = 64;

    private final MessageStore store;

    public UniqueKeySearch(MessageStore store) {
        this.store = store;
    }

    /** Records of {@code topic} with UNIQ_KEY {@code key} stored at or after {@code fromMs}. */
    public List<ByteBuffer> find(String topic, String key, long fromMs) {
        List<ByteBuffer> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        StoredRecord record = new StoredRecord();
        long beginMs = Math.max(0, fromMs);
        while (found.size() < MAX_RECORDS) {
            QueryResult page = store.queryByKey(topic, key, PAGE, beginMs, Long.MAX_VALUE);
            boolean progressed = false;
            long lastStoreMs = beginMs;
            for (ByteBuffer bytes : page.messages()) {
                record.wrap(bytes, 0);
                lastStoreMs = Math.max(lastStoreMs, record.storeTimestamp());
                if (seen.add(record.physicalOffset())) {
                    progressed = true;
                    if (key.equals(record.property(MessageProperty.UNIQ_KEY))) {
                        found.add(bytes);
                    }
                }
            }
            // the next page starts at the last store time seen (its records read again, skipped by offset);
            // a page that brings nothing new (more than a page stored in one ms) ends the search
            if (!page.truncated() || !progressed) {
                return found;
            }
            beginMs = lastStoreMs;
        }
        return found;
    }
}
