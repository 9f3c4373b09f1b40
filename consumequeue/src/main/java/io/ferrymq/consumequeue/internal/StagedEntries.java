package io.ferrymq.consumequeue.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Key-index entries of one dispatch step, held until they are written in key order. Keys are laid
 * out as {@link KeyIndexLayout} describes, back to back in one growing arena; sorting moves only an
 * int permutation. Handing them to RocksDB goes through reused direct buffers. Nothing is allocated
 * per entry once the arrays have grown to the step's size.
 *
 * <p>Not thread-safe: owned by the dispatcher thread.
 */
final class StagedEntries {
    private byte[] arena = new byte[64 * 1024];
    private int used;
    private int[] starts = new int[2048];
    private int[] lengths = new int[2048];
    private int[] sizes = new int[2048];
    private int[] order = new int[2048];
    private int count;
    private ByteBuffer key = ByteBuffer.allocateDirect(256);
    private final ByteBuffer value = ByteBuffer.allocateDirect(KeyIndexLayout.VALUE_SIZE);

    boolean isEmpty() {
        return count == 0;
    }

    void add(
            byte[] topic,
            int topicLength,
            byte[] keyBytes,
            int keyStart,
            int keyLength,
            long storeTimeMs,
            long offset,
            int size) {
        int length = 4 + topicLength + keyLength + KeyIndexLayout.SUFFIX_SIZE;
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            order = new int[count * 2];
        }
        if (used + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length));
        }
        int at = used;
        arena[at++] = (byte) (topicLength >>> 8);
        arena[at++] = (byte) topicLength;
        System.arraycopy(topic, 0, arena, at, topicLength);
        at += topicLength;
        arena[at++] = (byte) (keyLength >>> 8);
        arena[at++] = (byte) keyLength;
        System.arraycopy(keyBytes, keyStart, arena, at, keyLength);
        at += keyLength;
        at = putLong(at, storeTimeMs);
        putLong(at, offset);
        starts[count] = used;
        lengths[count] = length;
        sizes[count] = size;
        count++;
        used += length;
    }

    /** Puts every staged entry into {@code batch} in RocksDB's bytewise key order, then forgets them. */
    void drainSorted(WriteBatch batch, ColumnFamilyHandle family) throws RocksDBException {
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        sort(0, count - 1);
        for (int i = 0; i < count; i++) {
            int entry = order[i];
            int length = lengths[entry];
            if (key.capacity() < length) {
                key = ByteBuffer.allocateDirect(Math.max(length, key.capacity() * 2));
            }
            key.clear();
            key.put(arena, starts[entry], length).flip();
            value.clear();
            value.putInt(0, sizes[entry]);
            batch.put(family, key, value);
        }
        count = 0;
        used = 0;
    }

    private int putLong(int at, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            arena[at++] = (byte) (v >>> shift);
        }
        return at;
    }

    /** Quicksort of {@code order[lo..hi]} by key; entries arrive mostly ordered, so the pivot is the middle. */
    private void sort(int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                insertionSort(lo, hi);
                return;
            }
            int pivot = order[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (compare(order[i], pivot) < 0) {
                    i++;
                }
                while (compare(order[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i++] = order[j];
                    order[j--] = t;
                }
            }
            // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
            if (j - lo < hi - i) {
                sort(lo, j);
                lo = i;
            } else {
                sort(i, hi);
                hi = j;
            }
        }
    }

    private void insertionSort(int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            int entry = order[i];
            int j = i - 1;
            while (j >= lo && compare(order[j], entry) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = entry;
        }
    }

    private int compare(int a, int b) {
        return Arrays.compareUnsigned(
                arena, starts[a], starts[a] + lengths[a], arena, starts[b], starts[b] + lengths[b]);
    }
}
