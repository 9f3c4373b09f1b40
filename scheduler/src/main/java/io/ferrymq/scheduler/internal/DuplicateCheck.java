package io.ferrymq.scheduler.internal;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Whether a timer's message already reached its real topic in an earlier run: a record of that topic
 * with the same UNIQ_KEY, stored after the parked record (a higher commit-log offset). Asks the key
 * index by key and store time (not "the oldest record with this id": a message retried through the
 * timer several times shares its id with earlier deliveries). Needs the store's dispatcher to have
 * caught up with what was written before this start.
 *
 * <p>Owned by the driver thread.
 */
final class DuplicateCheck {
    /** Store times may step back this much (clock adjustments) between the parked and the released record. */
    private static final long CLOCK_SLACK_MS = 60_000;

    private static final int MAX_CANDIDATES = 64;

    private final MessageStore store;
    private final StoredRecord record = new StoredRecord();

    DuplicateCheck(MessageStore store) {
        this.store = store;
    }

    boolean alreadyDelivered(String realTopic, String uniqKey, long parkedOffset, long parkedStoreMs) {
        QueryResult found = store.queryByKey(
                realTopic, uniqKey, MAX_CANDIDATES, Math.max(0, parkedStoreMs - CLOCK_SLACK_MS), Long.MAX_VALUE);
        for (ByteBuffer bytes : found.messages()) {
            record.wrap(bytes, 0);
            if (record.physicalOffset() > parkedOffset && uniqKey.equals(record.property(MessageProperty.UNIQ_KEY))) {
                return true;
            }
        }
        return false;
    }
}
