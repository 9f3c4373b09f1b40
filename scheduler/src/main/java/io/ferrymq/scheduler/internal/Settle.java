package io.ferrymq.scheduler.internal;

/**
 * How a timer left the index, as reported to the index agent in an {@link EntryBuffer} record
 * (deliver-at, offset, kind, at-ms). Constants only.
 */
public final class Settle {
    /** Appended to its real topic. */
    public static final int FIRED = 0;
    /** Appended, though it may have been appended before a crash too (no UNIQ_KEY to check by). */
    public static final int FIRED_UNCHECKED = 1;
    /** Found already appended by an earlier run; not appended again. */
    public static final int DEDUPLICATED = 2;
    /** Cancelled by message id. */
    public static final int CANCELLED = 3;
    /** Its parked record is gone (retention) or unusable; it cannot be delivered. */
    public static final int LOST = 4;

    private Settle() {}

    public static boolean isFired(int kind) {
        return kind == FIRED || kind == FIRED_UNCHECKED;
    }
}
