package io.ferrymq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.MessageQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AverageAllocationTest {
    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> queues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queues.add(new MessageQueue("T", "b", i));
        }
        return queues;
    }

    @Test
    void splitsIntoContiguousBlocksWithTheRemainderFirst() {
        List<String> ids = List.of("c1", "c2", "c3");
        assertThat(AverageAllocation.allocate(queues(8), ids, "c1"))
                .extracting(MessageQueue::queueId)
                .containsExactly(0, 1, 2);
        assertThat(AverageAllocation.allocate(queues(8), ids, "c2"))
                .extracting(MessageQueue::queueId)
                .containsExactly(3, 4, 5);
        assertThat(AverageAllocation.allocate(queues(8), ids, "c3"))
                .extracting(MessageQueue::queueId)
                .containsExactly(6, 7);
    }

    @Test
    void everyQueueOwnedExactlyOnceForAnySizes() {
        for (int q = 1; q <= 12; q++) {
            for (int c = 1; c <= 6; c++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < c; i++) {
                    ids.add("c" + i);
                }
                Set<MessageQueue> owned = new HashSet<>();
                int total = 0;
                for (String id : ids) {
                    List<MessageQueue> mine = AverageAllocation.allocate(queues(q), ids, id);
                    owned.addAll(mine);
                    total += mine.size();
                }
                assertThat(total).as("%d queues, %d clients", q, c).isEqualTo(q);
                assertThat(owned).hasSize(q);
            }
        }
    }

    @Test
    void moreClientsThanQueuesLeavesSomeIdleAndUnknownClientGetsNothing() {
        List<String> ids = List.of("a", "b", "c");
        assertThat(AverageAllocation.allocate(queues(2), ids, "c")).isEmpty();
        assertThat(AverageAllocation.allocate(queues(2), ids, "zz")).isEmpty();
    }
}
