package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.consumequeue.GetResult;
import io.ferrymq.consumequeue.GetStatus;
import io.ferrymq.consumequeue.MessageFilter;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.message.StoredRecord;

/** The store time of the message at one queue offset, for the stats bodies. Stateless. */
final class StoreTimes {
    private StoreTimes() {}

    /** Store time (ms) of the message at {@code offset}, or 0 when there is none. */
    static long at(MessageStore store, String topic, int queueId, long offset) {
        if (offset < 0) {
            return 0;
        }
        GetResult result = store.get(topic, queueId, offset, 1, 1, MessageFilter.all());
        if (result.status() != GetStatus.FOUND) {
            return 0;
        }
        var record = result.messages().get(0);
        return new StoredRecord().wrap(record, record.position()).storeTimestamp();
    }
}
