package io.ferrymq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowControlAndProcessQueueTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "b", 0);

    static MessageView view(long offset, int bodyBytes) {
        return new MessageView(
                "T",
                null,
                List.of(),
                new byte[bodyBytes],
                Map.of(),
                "b",
                0,
                offset,
                "id" + offset,
                "off",
                0,
                0,
                Instant.EPOCH,
                Instant.EPOCH,
                0);
    }

    @Test
    void pausesOverTheMessageOrByteLimit() {
        FlowControl flow = new FlowControl(3, 100);
        ProcessQueue queue = new ProcessQueue(QUEUE);
        queue.add(List.of(view(0, 10), view(1, 10), view(2, 10)));
        assertThat(flow.shouldPause(queue)).isFalse();
        queue.add(List.of(view(3, 10)));
        assertThat(flow.shouldPause(queue)).isTrue();
        queue.remove(List.of(view(0, 10), view(1, 10), view(2, 10), view(3, 10)));
        queue.add(List.of(view(4, 101)));
        assertThat(flow.shouldPause(queue)).isTrue();
    }

    @Test
    void commitOffsetIsTheLowestInFlightOrOnePastTheHighest() {
        ProcessQueue queue = new ProcessQueue(QUEUE);
        List<MessageView> views = new ArrayList<>();
        for (int i = 10; i < 15; i++) {
            views.add(view(i, 1));
        }
        queue.add(views);
        assertThat(queue.remove(List.of(views.get(2)))).isEqualTo(10);
        assertThat(queue.remove(List.of(views.get(0)))).isEqualTo(11);
        assertThat(queue.remove(List.of(views.get(1), views.get(3), views.get(4))))
                .isEqualTo(15);
        assertThat(queue.messageBytes()).isZero();
    }

    @Test
    void orderlyBatchComesBackFirstWhenReturned() {
        ProcessQueue queue = new ProcessQueue(QUEUE);
        queue.add(List.of(view(0, 1), view(1, 1), view(2, 1)));
        assertThat(queue.takeInOrder(2)).extracting(MessageView::queueOffset).containsExactly(0L, 1L);
        queue.returnTaken();
        assertThat(queue.takeInOrder(2)).extracting(MessageView::queueOffset).containsExactly(0L, 1L);
        assertThat(queue.commitTaken()).isEqualTo(2);
    }

    @Test
    void lockExpiresOnTheClientAfterThirtySeconds() {
        ProcessQueue queue = new ProcessQueue(QUEUE);
        assertThat(queue.isLocked(0)).isFalse();
        queue.markLocked(1_000);
        assertThat(queue.isLocked(30_999)).isTrue();
        assertThat(queue.isLocked(31_000)).isFalse();
    }
}
