package io.ferrymq.commitlog;

/** How an append ended. */
public enum AppendStatus {
    /** Written, and durable as the flush mode promises. */
    OK,
    /** Written, but the forced flush did not complete within the sync-flush timeout. */
    FLUSH_DISK_TIMEOUT,
    /** Refused: the record or batch is larger than a segment can hold, or malformed. */
    RECORD_TOO_LARGE,
    /** Refused: disk use is above the hard limit; appends resume by themselves when space returns. */
    DISK_FULL,
    /** Refused: the log is closed or failed (an I/O error while writing). */
    UNAVAILABLE
}
