package io.ferrymq.broker.internal.consume.pull;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Apache RocketMQ's test of whether a read is served from memory: a record within the newest {@code
 * accessMessageInMemoryMaxRatio} % of physical memory's worth of commit log is taken to be in the page
 * cache (recently written, or recently read), an older one may have to come from disk. Pulls of the
 * first kind never block and run on a pool as large as the core count; pulls of the second move to
 * the {@code pullMessageThreadPoolNums} pool before they touch the records. Stateless and thread-safe.
 */
public final class MemoryWindow {
    private final LongSupplier writtenOffset;
    private final long windowBytes;

    /**
     * @param writtenOffset the commit log's written offset
     * @param windowBytes how far behind it a record still counts as in memory (0: no record does)
     */
    public MemoryWindow(LongSupplier writtenOffset, long windowBytes) {
        if (windowBytes < 0) {
            throw new IllegalArgumentException("windowBytes must not be negative, was " + windowBytes);
        }
        this.writtenOffset = writtenOffset;
        this.windowBytes = windowBytes;
    }

    /** A window of {@code percent} % of this machine's physical memory. */
    public static MemoryWindow ofPhysicalMemory(LongSupplier writtenOffset, int percent) {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return new MemoryWindow(writtenOffset, total / 100 * percent);
    }

    /** Whether the record at {@code physicalOffset} lies within the window. */
    public boolean contains(long physicalOffset) {
        return windowBytes > 0 && writtenOffset.getAsLong() - physicalOffset <= windowBytes;
    }
}
