package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyHashTest {
    private static final String PINNED_UNIQ = "ef9541b26a17a526";
    private static final String PINNED_EMPTY = "21ced11032d62645";

    private static long hash(String topic, byte[] key, int start, int length) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return KeyHash.key(KeyHash.topic(t, t.length), key, start, length);
    }

    @Test
    void theStreamingFormAgreesWithTheStringFormWhereverTheKeySits() {
        byte[] padded = "xxorder-000000001234567yy".getBytes(StandardCharsets.UTF_8);
        long direct = KeyHash.of("Orders", "order-000000001234567");
        assertThat(hash("Orders", padded, 2, padded.length - 4)).isEqualTo(direct);
        byte[] topic = "Orders-and-more".getBytes(StandardCharsets.UTF_8);
        byte[] key = "order-000000001234567".getBytes(StandardCharsets.UTF_8);
        assertThat(KeyHash.key(KeyHash.topic(topic, 6), key, 0, key.length)).isEqualTo(direct);
    }

    @Test
    void theTopicKeyBoundaryMatters() {
        assertThat(KeyHash.of("ab", "c")).isNotEqualTo(KeyHash.of("a", "bc"));
        assertThat(KeyHash.of("a", "")).isNotEqualTo(KeyHash.of("", "a"));
        assertThat(KeyHash.of("abcdefgh", "")).isNotEqualTo(KeyHash.of("", "abcdefgh"));
        assertThat(KeyHash.of("t", "k\0")).isNotEqualTo(KeyHash.of("t", "k"));
        assertThat(KeyHash.of("t", "k")).isNotEqualTo(KeyHash.of("T", "k"));
    }

    @Test
    void valuesArePartOfTheFileFormat() {
        // pinned: a change here makes existing index files unreadable
        assertThat(Long.toHexString(KeyHash.of("TopicTest", "7F0000010001000000000000")))
                .isEqualTo(PINNED_UNIQ);
        assertThat(Long.toHexString(KeyHash.of("", ""))).isEqualTo(PINNED_EMPTY);
    }

    @Test
    void sequentialKeysSpreadEvenlyOverBuckets() {
        int buckets = 256;
        int keys = 1 << 18;
        int[] load = new int[buckets];
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < keys; i++) {
            String digits = Integer.toString(i);
            long h = KeyHash.of("BenchTopic", "order-" + "0".repeat(12 - digits.length()) + digits);
            load[KeyHash.bucket(h, buckets)]++;
            distinct.add(h);
        }
        assertThat(distinct).hasSize(keys);
        double mean = (double) keys / buckets;
        double chiSquare = 0;
        for (int l : load) {
            chiSquare += (l - mean) * (l - mean) / mean;
        }
        // 255 degrees of freedom: mean 255, standard deviation about 23
        assertThat(chiSquare).isBetween(160.0, 370.0);
    }

    @Test
    void oneFlippedInputBitFlipsAboutHalfTheOutput() {
        byte[] key = "order-000000001234".getBytes(StandardCharsets.UTF_8);
        long base = hash("Orders", key, 0, key.length);
        long flipped = 0;
        int trials = 0;
        for (int i = 0; i < key.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                key[i] ^= (byte) (1 << bit);
                flipped += Long.bitCount(base ^ hash("Orders", key, 0, key.length));
                key[i] ^= (byte) (1 << bit);
                trials++;
            }
        }
        assertThat((double) flipped / trials).isBetween(29.0, 35.0);
    }

    @Test
    void bucketsStayInRange() {
        for (long h : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234_5678_9ABC_DEF0L}) {
            assertThat(KeyHash.bucket(h, 1)).isZero();
            assertThat(KeyHash.bucket(h, 5_000_000)).isBetween(0, 4_999_999);
        }
        assertThat(KeyHash.bucket(-1, 5_000_000)).isEqualTo(4_999_999);
    }
}
