package io.ferrymq.transaction.internal;

import io.ferrymq.transaction.HalfInfo;
import io.ferrymq.transaction.HalfState;

/**
 * The tracked state of one unsettled half message, as kept under {@code 'h' offset} ({@link
 * HalfEntryLayout}). A plain mutable holder.
 *
 * <p>Not thread-safe: each thread uses its own instances.
 */
public final class HalfEntry {
    public static final byte PENDING = 0;
    public static final byte PARKED = 1;

    public long offset;
    /** {@link #PENDING} or {@link #PARKED}. */
    public byte state;
    /** Whether a commit is recorded (the append may or may not have landed). */
    public boolean committing;

    public int checks;
    /** When the half is checked next (meaningful while pending and not committing). */
    public long nextCheckMs;

    public long storeMs;
    public int size;
    public long queueOffset;
    public int realQueueId;
    public String producerGroup;
    public String uniqKey;
    public String realTopic;

    public boolean isPending() {
        return state == PENDING;
    }

    /** Whether the checker should look at it: pending and not committing. */
    public boolean checkable() {
        return state == PENDING && !committing;
    }

    public HalfState publicState() {
        if (committing) {
            return HalfState.COMMITTING;
        }
        return state == PARKED ? HalfState.PARKED : HalfState.PENDING;
    }

    public HalfInfo toInfo() {
        return new HalfInfo(
                offset,
                realTopic,
                realQueueId,
                uniqKey,
                producerGroup,
                storeMs,
                checks,
                checkable() ? nextCheckMs : -1,
                publicState());
    }
}
