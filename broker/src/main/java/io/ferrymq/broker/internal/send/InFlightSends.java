package io.ferrymq.broker.internal.send;

/**
 * Counts appends whose response is not written yet, so shutdown can wait for them before closing
 * connections and the store. Thread-safe.
 */
public final class InFlightSends {
    private int count;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        if (--count == 0) {
            notifyAll();
        }
    }

    /** Waits until no append is in flight or {@code timeoutMs} passed; returns whether none is left. */
    public synchronized boolean awaitNone(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (count > 0) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return false;
            }
            wait(leftMs);
        }
        return true;
    }
}
