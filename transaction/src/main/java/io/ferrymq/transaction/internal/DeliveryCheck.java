package io.ferrymq.transaction.internal;

import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.QueryResult;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;

/**
 * Whether a half's commit already reached its real topic in an earlier run: a record of that topic
 * with the half's UNIQ_KEY whose {@code preparedTransactionOffset} is the half's offset (which only a
 * commit of that very half carries). Asks the key index by key and store time. Needs the store's
 * dispatcher to have dispatched the records in question.
 *
 * <p>Owned by the transaction agent's thread.
 */
final class DeliveryCheck {
    /** Store times may step back this much (clock adjustments) between the half and its commit. */
    private static final long CLOCK_SLACK_MS = 60_000;

    private static final int MAX_CANDIDATES = 64;

    private final MessageStore store;
    private final StoredRecord record = new StoredRecord();

    DeliveryCheck(MessageStore store) {
        this.store = store;
    }

    /** The commit-log offset of the earlier delivery, or -1 when there is none. */
    long deliveredOffset(String realTopic, String uniqKey, long halfOffset, long halfStoreMs) {
        QueryResult found = store.queryByKey(
                realTopic, uniqKey, MAX_CANDIDATES, Math.max(0, halfStoreMs - CLOCK_SLACK_MS), Long.MAX_VALUE);
        for (ByteBuffer bytes : found.messages()) {
            record.wrap(bytes, 0);
            if (record.physicalOffset() > halfOffset
                    && record.preparedTransactionOffset() == halfOffset
                    && uniqKey.equals(record.property(MessageProperty.UNIQ_KEY))) {
                return record.physicalOffset();
            }
        }
        return -1;
    }
}
