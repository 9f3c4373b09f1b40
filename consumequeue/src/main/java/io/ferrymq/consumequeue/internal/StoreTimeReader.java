package io.ferrymq.consumequeue.internal;

/** Reads the store time of the record at a commit-log position (for searches by time). */
@FunctionalInterface
public interface StoreTimeReader {
    /** The record's store time in ms, or -1 when its bytes are no longer in the log. */
    long storeTimeMs(long physicalOffset, int size);
}
