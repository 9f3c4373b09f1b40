package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueOffsetTableTest {
    @Test
    void assignsConsecutiveOffsetsPerQueue() {
        QueueOffsetTable table = new QueueOffsetTable();
        assertThat(table.assign("A", 0, 1)).isZero();
        assertThat(table.assign("A", 0, 3)).isEqualTo(1);
        assertThat(table.assign("A", 0, 1)).isEqualTo(4);
        assertThat(table.assign("A", 1, 1)).isZero();
        assertThat(table.assign("B", 0, 1)).isZero();
        assertThat(table.assign("A", 100, 1)).isZero();
        assertThat(table.next("A", 0)).isEqualTo(5);
        assertThat(table.next("C", 0)).isZero();
    }

    @Test
    void rollbackGivesOffsetsBack() {
        QueueOffsetTable table = new QueueOffsetTable();
        table.assign("A", 2, 5);
        table.rollback("A", 2, 2);
        assertThat(table.assign("A", 2, 1)).isEqualTo(3);
    }

    @Test
    void startsFromInitialisedOffsets() {
        QueueOffsetTable table = new QueueOffsetTable();
        table.initialise("A", 3, 42);
        assertThat(table.assign("A", 3, 1)).isEqualTo(42);
        assertThat(table.assign("A", 2, 1)).isZero();
    }

    @Test
    void refusesNegativeQueueIds() {
        assertThatThrownBy(() -> new QueueOffsetTable().assign("A", -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotAllocateOnceAQueueIsKnown() {
        QueueOffsetTable table = new QueueOffsetTable();
        String topic = "Topic" + System.nanoTime();
        table.assign(topic, 7, 1);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            table.assign(topic, 7, 1);
        }
        long after = threads.getThreadAllocatedBytes(id);
        assertThat(after - before).isLessThan(10_000);
        assertThat(table.next(topic, 7)).isEqualTo(100_001);
    }
}
