package io.ferrymq.scheduler.internal;

import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.scheduler.TimerRecords;

/** Reading a record parked under the timer topic, the same way wherever it is read. Stateless. */
public final class ParkedRecord {
    private ParkedRecord() {}

    /**
     * When the parked record is due: its {@code TIMER_OUT_MS}; its store time (deliver at once) when
     * that is missing or unreadable but {@code REAL_TOPIC} is there; -1 when it is no parked message.
     */
    public static long deliverAtMs(StoredRecord record) {
        long deliverAt = TimerRecords.deliverAtMs(record);
        if (deliverAt >= 0) {
            return deliverAt;
        }
        return record.property(MessageProperty.REAL_TOPIC) == null ? -1 : record.storeTimestamp();
    }
}
