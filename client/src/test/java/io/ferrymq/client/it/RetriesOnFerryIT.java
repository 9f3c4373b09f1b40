package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.DeadLetterView;
import io.ferrymq.client.Message;
import io.ferrymq.client.Producer;
import io.ferrymq.client.PushConsumer;
import io.ferrymq.client.ReplayOutcome;
import io.ferrymq.client.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries and dead letters with FerryMQ's own client against FerryMQ's broker (delay level n = n ×
 * 100 ms): RETRY_LATER and a thrown exception take the same path, a message that keeps failing comes
 * back maxReconsumeTimes + 1 times with growing gaps and then lies in the DLQ, where {@link Admin}
 * lists it and replays it once; an orderly listener's poison message is dead-lettered after its local
 * retries and the rest of its queue stays in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetriesOnFerryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Path tmp;
    private FerryClusterFixture cluster;
    private Admin admin;
    private Producer producer;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = FerryClusterFixture.start(
                dir.resolve("cluster"),
                "messageDelayLevel",
                "100ms 200ms 300ms 400ms 500ms 600ms 700ms 800ms 900ms 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        admin = Admin.builder().namesrvAddr(cluster.namesrvAddr()).build();
        producer = Producer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup("it-retry-producer")
                .build();
    }

    @AfterEach
    void closeConsumers() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
    }

    @AfterAll
    void stop() {
        producer.close();
        admin.close();
        cluster.close();
    }

    @Test
    void aFailingMessageComesBackWithGrowingGapsThenIsDeadLetteredAndReplayedOnce() throws Exception {
        String topic = "ItRetryFails";
        String group = "it-retry-fails";
        prepare(topic, 1);
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        List<Integer> counts = new CopyOnWriteArrayList<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger afterReplay = new AtomicInteger();
        closeables.add(PushConsumer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .consumerGroup(group)
                .subscribe(topic, "*")
                .consumeFrom(ConsumeFrom.FIRST)
                .maxReconsumeTimes(3)
                .offsetStoreDir(tmp.resolve("offsets-" + group))
                .listener(messages -> {
                    if (!failing.get()) {
                        afterReplay.addAndGet(messages.size());
                        return ConsumeResult.SUCCESS;
                    }
                    deliveries.add(System.currentTimeMillis());
                    counts.add(messages.get(0).reconsumeTimes());
                    if (deliveries.size() % 2 == 0) {
                        throw new IllegalStateException("a listener that throws retries like RETRY_LATER");
                    }
                    return ConsumeResult.RETRY_LATER;
                })
                .build());
        SendResult sent = producer.send(Message.builder()
                .topic(topic)
                .keys("order-9")
                .body("poison".getBytes(UTF_8))
                .build());

        await().atMost(PATIENCE).until(() -> !letters(group).isEmpty());
        // nothing more may come
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries)
                        .as("maxReconsumeTimes + 1 deliveries")
                        .hasSize(4));
        assertThat(counts).containsExactly(0, 1, 2, 3);
        for (int i = 1; i < deliveries.size(); i++) {
            assertThat(deliveries.get(i) - deliveries.get(i - 1))
                    .as("gap %d", i)
                    .isGreaterThanOrEqualTo((3 + i - 1) * 100L);
        }
        DeadLetterView letter = letters(group).get(0);
        assertThat(letter.msgId()).isEqualTo(sent.msgId());
        assertThat(letter.originTopic()).isEqualTo(topic);
        assertThat(letter.properties()).containsEntry("KEYS", "order-9");
        assertThat(admin.deadLetterCounts(cluster.clusterName())).containsEntry(group, 1L);

        failing.set(false);
        List<ReplayOutcome> first =
                admin.replayDeadLetters(letter.brokerAddr(), group, List.of(letter.msgId()), false, 10);
        List<ReplayOutcome> second =
                admin.replayDeadLetters(letter.brokerAddr(), group, List.of(letter.msgId()), false, 10);

        assertThat(first).extracting(ReplayOutcome::status).containsExactly("REPLAYED");
        assertThat(second).extracting(ReplayOutcome::status).containsExactly("ALREADY_REPLAYED");
        await().atMost(PATIENCE).until(() -> afterReplay.get() >= 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(afterReplay.get()).isEqualTo(1));
    }

    @Test
    void anOrderlyPoisonMessageIsDeadLetteredAndTheQueueStaysInOrder() throws Exception {
        String topic = "ItRetryOrderly";
        String group = "it-retry-orderly";
        prepare(topic, 1);
        List<Integer> consumed = new CopyOnWriteArrayList<>();
        AtomicInteger poisonAttempts = new AtomicInteger();
        closeables.add(PushConsumer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .consumerGroup(group)
                .subscribe(topic, "*")
                .consumeFrom(ConsumeFrom.FIRST)
                .maxReconsumeTimes(2)
                .offsetStoreDir(tmp.resolve("offsets-" + group))
                .orderlyListener(messages -> {
                    for (var m : messages) {
                        int n = Integer.parseInt(new String(m.body(), UTF_8));
                        if (n == 3) {
                            poisonAttempts.incrementAndGet();
                            return ConsumeResult.RETRY_LATER;
                        }
                        consumed.add(n);
                    }
                    return ConsumeResult.SUCCESS;
                })
                .build());
        for (int i = 0; i < 10; i++) {
            producer.send(Message.of(topic, Integer.toString(i).getBytes(UTF_8)));
        }

        await().atMost(PATIENCE).until(() -> consumed.size() == 9);
        assertThat(consumed).containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 9);
        assertThat(poisonAttempts.get()).as("1 + maxReconsumeTimes attempts").isEqualTo(3);
        await().atMost(PATIENCE).until(() -> !letters(group).isEmpty());
        assertThat(letters(group).get(0).originTopic()).isEqualTo(topic);
    }

    private List<DeadLetterView> letters(String group) {
        return admin.deadLetters(
                cluster.clusterName(), group, Instant.EPOCH, Instant.now().plusSeconds(60), 10);
    }

    private void prepare(String topic, int queues) {
        admin.createTopic(cluster.clusterName(), topic, queues);
        cluster.awaitRoute(topic);
    }
}
