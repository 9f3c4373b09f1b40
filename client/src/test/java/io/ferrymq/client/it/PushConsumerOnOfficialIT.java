package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.ConcurrentListener;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.PushConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link PushConsumerContract} against the official Apache RocketMQ 5.5.0 broker, plus redelivery
 * through the retry topic: FerryMQ's broker has no CONSUMER_SEND_MSG_BACK yet, so that test runs here only.
 */
class PushConsumerOnOfficialIT extends PushConsumerContract {
    @Override
    ClusterFixture startCluster(Path dir) throws Exception {
        return OfficialClusterFixture.start(dir);
    }

    @Test
    void retryLaterRedeliversThroughTheRetryTopicWithTheOriginalTopic() {
        String topic = "PushItRetry";
        send(topic, "A", "fail-once", 1);
        List<MessageView> deliveries = new CopyOnWriteArrayList<>();
        ConcurrentListener listener = messages -> {
            deliveries.addAll(messages);
            return deliveries.size() == 1 ? ConsumeResult.RETRY_LATER : ConsumeResult.SUCCESS;
        };
        try (PushConsumer consumer =
                consumer("it-retry", topic, "*").listener(listener).build()) {
            cluster.awaitRoute("%RETRY%it-retry"); // the broker makes it on the first heartbeat
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() >= 2);
        }
        MessageView redelivered = deliveries.get(1);
        assertThat(redelivered.topic()).isEqualTo(topic);
        assertThat(redelivered.reconsumeTimes()).isEqualTo(1);
        assertThat(redelivered.msgId()).isEqualTo(deliveries.get(0).msgId());
        assertThat(new String(redelivered.body(), UTF_8)).isEqualTo("fail-once0");
    }
}
