package io.ferrymq.commitlog.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SYNC_FLUSH appends waiting for a force, in log order (the appender adds them under its own lock, so
 * end offsets and deadlines only grow). The flush agent completes those a force covered; the timeout
 * agent completes those whose deadline passed. Futures are completed outside this queue's lock, so a
 * callback that appends again cannot deadlock with the appender.
 *
 * <p>Thread-safe: a short lock guards the deque; the deque grows but never allocates per element.
 */
final class FlushWaiters {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>(1024);

    private volatile int size;

    void add(PendingAppend pending) {
        lock.lock();
        try {
            queue.addLast(pending);
            size = queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many wait now (a racy snapshot, for the flush thread's gathering). */
    int size() {
        return size;
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Completes, oldest first, every waiter whose bytes end at or before {@code flushedOffset}. */
    int completeFlushed(long flushedOffset) {
        int done = 0;
        PendingAppend next;
        while ((next = pollIf(flushedOffset, Long.MIN_VALUE)) != null) {
            next.completeFlushed();
            done++;
        }
        return done;
    }

    /** Completes as FLUSH_DISK_TIMEOUT, oldest first, every waiter whose deadline is at or before now. */
    int expire(long nowMs) {
        int done = 0;
        PendingAppend next;
        while ((next = pollIf(Long.MIN_VALUE, nowMs)) != null) {
            next.completeTimedOut();
            done++;
        }
        return done;
    }

    private PendingAppend pollIf(long flushedOffset, long nowMs) {
        lock.lock();
        try {
            PendingAppend head = queue.peekFirst();
            if (head == null || (head.endOffset > flushedOffset && head.deadlineMs > nowMs)) {
                return null;
            }
            PendingAppend polled = queue.pollFirst();
            size = queue.size();
            return polled;
        } finally {
            lock.unlock();
        }
    }
}
