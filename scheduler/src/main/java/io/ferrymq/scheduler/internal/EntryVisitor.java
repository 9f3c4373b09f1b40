package io.ferrymq.scheduler.internal;

/** Receives entries of a {@link TimerIndex} scan, in (deliver-at, offset) order. */
@FunctionalInterface
public interface EntryVisitor {
    void visit(long deliverAtMs, long offset, int size, long queueOffset);
}
