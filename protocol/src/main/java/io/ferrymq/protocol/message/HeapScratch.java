package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;

/**
 * A per-thread heap buffer to copy a short range of off-heap bytes into, so a scan over them runs on
 * a plain array. Not shared between threads; the copy is valid until the same thread's next call.
 */
final class HeapScratch {
    private static final int INITIAL_BYTES = 512;
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_BYTES));

    private HeapScratch() {}

    /** The bytes {@code [position, position + length)} of {@code source}, at index 0 of a heap buffer. */
    static ByteBuffer copyOf(ByteBuffer source, int position, int length) {
        ByteBuffer scratch = SCRATCH.get();
        if (scratch.capacity() < length) {
            scratch = ByteBuffer.allocate(Math.max(length, scratch.capacity() * 2));
            SCRATCH.set(scratch);
        }
        source.get(position, scratch.array(), 0, length);
        return scratch.limit(length);
    }
}
