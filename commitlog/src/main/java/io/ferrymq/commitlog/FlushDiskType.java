package io.ferrymq.commitlog;

/** When an append counts as durable. RocketMQ's names, as in {@code flushDiskType}. */
public enum FlushDiskType {
    /** An append completes only once its bytes are forced to disk (group commit). */
    SYNC_FLUSH,
    /** An append completes once written to the mapped file; the log is forced on an interval. */
    ASYNC_FLUSH
}
