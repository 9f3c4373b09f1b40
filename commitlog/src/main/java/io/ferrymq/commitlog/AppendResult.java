package io.ferrymq.commitlog;

/**
 * The outcome of one append (a single record or a batch).
 *
 * @param physicalOffset where the first record starts in the log (-1 when refused)
 * @param bytes total bytes written
 * @param queueOffset the first record's queue offset (-1 when refused)
 * @param count records written
 * @param storeTimestampMs the store time written into every record
 */
public record AppendResult(
        AppendStatus status, long physicalOffset, int bytes, long queueOffset, int count, long storeTimestampMs) {

    public static AppendResult refused(AppendStatus status) {
        return new AppendResult(status, -1, 0, -1, 0, 0);
    }

    /** True when the records are in the log (OK or FLUSH_DISK_TIMEOUT). */
    public boolean written() {
        return status == AppendStatus.OK || status == AppendStatus.FLUSH_DISK_TIMEOUT;
    }

    /** The same append, now marked as not confirmed on disk in time. */
    public AppendResult flushTimedOut() {
        return new AppendResult(
                AppendStatus.FLUSH_DISK_TIMEOUT, physicalOffset, bytes, queueOffset, count, storeTimestampMs);
    }
}
