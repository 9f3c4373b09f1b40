package io.ferrymq.commitlog.internal;

/**
 * Forces a byte range of a segment to the storage device. An interface so tests can count forces or
 * make them slow; production uses {@link #mapped()}.
 *
 * <p>Implementations are called from the flush thread (and from close); they may block.
 */
@FunctionalInterface
public interface SegmentForcer {
    /** Forces {@code [fromPosition, toPosition)} of {@code segment}. */
    void force(Segment segment, int fromPosition, int toPosition);

    /** {@code MappedByteBuffer.force(index, length)} on the segment's mapping. */
    static SegmentForcer mapped() {
        return Segment::force;
    }
}
