package io.ferrymq.consumequeue.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit hash the key index files by: of a topic's UTF-8 bytes, a separator, then a key's UTF-8
 * bytes. Each part absorbs its length first and then its bytes eight at a
 * time (multiply, rotate, multiply, then fold into the state), so ("ab", "c") and ("a", "bc") differ; a
 * final avalanche spreads every input bit over the whole result. The topic part can be computed once
 * per record ({@link #topic}) and reused for each of its keys ({@link #key}). Allocates nothing.
 *
 * <p>Stateless; safe from any thread. The values are part of the file format: never change them.
 */
public final class KeyHash {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;
    private static final long M3 = 0x165667B19E3779F9L;
    private static final long M4 = 0x85EBCA77C2B2AE63L;
    private static final long SEED = 0x27D4EB2F165667C5L;
    private static final long SEPARATOR = 0x5851F42D4C957F2DL;

    private KeyHash() {}

    /** The state after the topic {@code topic[0, length)}; feed it to {@link #key}. */
    public static long topic(byte[] topic, int length) {
        return absorb(SEED, topic, 0, length);
    }

    /** The hash of (topic, key) from the topic's state and {@code key[start, start + length)}. */
    public static long key(long topicState, byte[] key, int start, int length) {
        return finish(absorb(topicState ^ SEPARATOR, key, start, length));
    }

    /** The hash of (topic, key) from strings (queries; allocates). */
    public static long of(String topic, String key) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return key(topic(t, t.length), k, 0, k.length);
    }

    /** The bucket of {@code hash} among {@code slotCount}, from its high 32 bits (multiply-shift, no division). */
    public static int bucket(long hash, int slotCount) {
        return (int) (((hash >>> 32) * slotCount) >>> 32);
    }

    private static long absorb(long state, byte[] bytes, int start, int length) {
        long h = round(state, length);
        int at = start;
        int end = start + length;
        for (; end - at >= Long.BYTES; at += Long.BYTES) {
            h = round(h, (long) LONG_LE.get(bytes, at));
        }
        long tail = 0;
        for (int shift = 0; at < end; at++, shift += 8) {
            tail |= (bytes[at] & 0xFFL) << shift;
        }
        return round(h, tail);
    }

    private static long round(long h, long word) {
        long w = Long.rotateLeft(word * M2, 31) * M1;
        return Long.rotateLeft(h ^ w, 27) * M1 + M4;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= M2;
        h ^= h >>> 29;
        h *= M3;
        return h ^ (h >>> 32);
    }
}
