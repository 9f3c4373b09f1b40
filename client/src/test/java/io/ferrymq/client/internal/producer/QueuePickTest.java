package io.ferrymq.client.internal.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.client.MessageQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuePickTest {
    @Test
    void roundRobinSkipsTheBrokerThatJustFailed() {
        List<MessageQueue> queues =
                List.of(new MessageQueue("T", "a", 0), new MessageQueue("T", "a", 1), new MessageQueue("T", "b", 0));
        QueuePick pick = QueuePick.roundRobin(new AtomicInteger());
        for (int i = 0; i < 10; i++) {
            assertThat(pick.pick(queues, "a").brokerName()).isEqualTo("b");
        }
        assertThat(pick.pick(List.of(new MessageQueue("T", "a", 0)), "a").brokerName())
                .isEqualTo("a");
    }

    @Test
    void zlibCompressesAndBatchRefusesMixedTopics() {
        byte[] body = "x".repeat(10_000).getBytes();
        assertThat(SendCodec.zlib(body).length).isLessThan(body.length);
    }
}
