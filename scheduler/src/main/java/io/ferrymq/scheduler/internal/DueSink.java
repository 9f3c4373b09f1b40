package io.ferrymq.scheduler.internal;

/** Receives the timers a {@link TimerWheel} finds due, in due-time order. Called on the wheel's thread. */
@FunctionalInterface
public interface DueSink {
    void onDue(long deliverAtMs, long commitLogOffset, int size);
}
