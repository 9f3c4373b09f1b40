package io.ferrymq.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuffersTest {
    @Test
    void handoffIsBoundedAndKeepsOrder() {
        Handoff handoff = new Handoff(4);
        for (int i = 0; i < 4; i++) {
            assertThat(handoff.offer(100 + i, i, 10)).isTrue();
        }
        assertThat(handoff.offer(200, 9, 10)).isFalse();
        assertThat(handoff.free()).isZero();
        List<Long> seen = new ArrayList<>();
        assertThat(handoff.drain((at, offset, size) -> seen.add(offset))).isEqualTo(4);
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
        assertThat(handoff.free()).isEqualTo(4);
        for (int round = 0; round < 10; round++) {
            handoff.offer(round, round, 1);
            seen.clear();
            handoff.drain((at, offset, size) -> seen.add(offset));
            assertThat(seen).containsExactly((long) round);
        }
    }

    @Test
    void entryBufferTellsWhenItWasEmptyAndGrows() throws Exception {
        EntryBuffer buffer = new EntryBuffer();
        assertThat(buffer.add(1, 2, 3, 4)).isTrue();
        assertThat(buffer.add(5, 6, 7, 8)).isFalse();
        List<long[]> seen = new ArrayList<>();
        assertThat(buffer.drain((a, b, c, d) -> seen.add(new long[] {a, b, c, d})))
                .isEqualTo(2);
        assertThat(seen.get(1)).containsExactly(5, 6, 7, 8);
        Thread[] producers = new Thread[4];
        for (int t = 0; t < producers.length; t++) {
            int id = t;
            producers[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    buffer.add(id, i, 0, 0);
                }
            });
            producers[t].start();
        }
        long[] lastSeen = {-1, -1, -1, -1};
        int[] total = {0};
        while (total[0] < 40_000) {
            buffer.drain((a, b, c, d) -> {
                assertThat(b).isEqualTo(lastSeen[(int) a] + 1);
                lastSeen[(int) a] = b;
                total[0]++;
            });
        }
        for (Thread producer : producers) {
            producer.join();
        }
        assertThat(buffer.size()).isZero();
    }

    @Test
    void entryQueueIsFirstInFirstOut() {
        EntryQueue queue = new EntryQueue();
        for (int i = 0; i < 1_000; i++) {
            queue.add(i, i * 10L, i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(queue.headOffset()).isEqualTo(i * 10L);
            queue.poll();
        }
        for (int i = 1_000; i < 1_500; i++) {
            queue.add(i, i * 10L, i);
        }
        assertThat(queue.remove(700, 7_000)).isTrue();
        assertThat(queue.size()).isEqualTo(999);
        long previous = -1;
        while (!queue.isEmpty()) {
            assertThat(queue.headDeliverAtMs()).isGreaterThan(previous).isNotEqualTo(700);
            previous = queue.headDeliverAtMs();
            queue.poll();
        }
    }

    @Test
    void latenessHistogramPercentiles() {
        LatenessHistogram histogram = new LatenessHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i);
        }
        histogram.record(-3);
        histogram.record(5_000);
        assertThat(histogram.count()).isEqualTo(102);
        assertThat(histogram.percentileMs(0.5)).isEqualTo(50);
        assertThat(histogram.percentileMs(0.99)).isEqualTo(100);
        assertThat(histogram.maxMs()).isEqualTo(5_000);
        assertThat(histogram.countAtMost(0)).isEqualTo(1);
        assertThat(histogram.countAtMost(20)).isEqualTo(21);
        assertThat(histogram.countAtMost(1_000)).isEqualTo(101);
        assertThat(histogram.percentileMs(1.0)).isEqualTo(5_000);
    }

    @Test
    void firedRateOverTheLastFiveSeconds() {
        FiredRate rate = new FiredRate();
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                rate.record(1_000_000 + second * 1_000L + i);
            }
        }
        assertThat(rate.perSecond(1_010_000)).isEqualTo(100.0);
        assertThat(rate.perSecond(1_012_500)).isEqualTo(60.0);
        assertThat(rate.perSecond(1_100_000)).isZero();
    }
}
