package io.ferrymq.commitlog.internal;

import io.ferrymq.commitlog.agent.Agent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;

/**
 * Faults in the pages just ahead of the write position, so the appender copies into memory that is
 * already mapped instead of taking a page fault (page allocated, zeroed, block reserved) every 4 KiB
 * on the thread that answers the producer. Segments are sparse, so every first write to a page faults;
 * under load that was a fifth of the appending thread's time.
 *
 * <p>A page is touched with an atomic compare-and-set of its first int from 0 to 0: it never changes
 * a byte, even when the appender writes the same bytes at the same moment (the locked instruction is
 * ordered entirely before or after the appender's store), yet it is a write, so the kernel maps the
 * page writable. Nothing is touched until the write position first moves, so an idle broker's
 * resident memory does not grow by the window. Only segments already in the list are touched; the
 * first pages of a newly rolled segment are caught up on the next step.
 *
 * <p>Thread-safety: one runner thread; it must be stopped before any segment is unmapped (the log's
 * close stops the agents first).
 */
final class PageToucher implements Agent {
    static final int PAGE_BYTES = 4096;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final SegmentList segments;
    private final LongSupplier writtenOffset;
    private final long windowBytes;
    private long lastWritten;
    private long touchedUpTo;

    PageToucher(SegmentList segments, LongSupplier writtenOffset, long windowBytes) {
        this.segments = segments;
        this.writtenOffset = writtenOffset;
        this.windowBytes = windowBytes;
        this.lastWritten = writtenOffset.getAsLong();
        this.touchedUpTo = pageAfter(lastWritten);
    }

    @Override
    public int doWork() {
        long written = writtenOffset.getAsLong();
        if (written == lastWritten) {
            return 0;
        }
        lastWritten = written;
        long page = Math.max(touchedUpTo, pageAfter(written));
        long until = written + windowBytes;
        int touched = 0;
        while (page < until) {
            Segment segment = segments.find(page);
            if (segment == null) {
                break; // the next segment is not rolled in yet
            }
            INT.compareAndSet(segment.mapped(), (int) (page - segment.startOffset()), 0, 0);
            page += PAGE_BYTES;
            touched++;
        }
        touchedUpTo = page;
        return touched;
    }

    /** Offset of the first page that starts after {@code offset}'s page. */
    private static long pageAfter(long offset) {
        return (offset / PAGE_BYTES + 1) * PAGE_BYTES;
    }

    @Override
    public String roleName() {
        return "commitlog-page-toucher";
    }
}
