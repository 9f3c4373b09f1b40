package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.dlq.DeadLetter;
import io.ferrymq.dlq.ReplayResult;
import io.ferrymq.dlq.ReplayStatus;
import io.ferrymq.dlq.ReplayTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries and dead letters with the official Apache RocketMQ client (5.5.0), unchanged, against a
 * FerryMQ broker whose delay levels are short (level n = n × 100 ms): a message whose listener always
 * fails comes back maxReconsumeTimes + 1 times with growing gaps, then lies in {@code %DLQ%<group>}
 * with its id and original topic; replaying it delivers it once to its topic; an orderly consumer's
 * poison message goes to the DLQ after its local retries while the rest of its queue stays in order;
 * a broker restart during retries loses and skips nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialRetryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String LEVELS =
            "100ms 200ms 300ms 400ms 500ms 600ms 700ms 800ms 900ms 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    private FerryCluster cluster;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    void startCluster(@TempDir Path store) throws Exception {
        cluster = FerryCluster.start(store, "messageDelayLevel", LEVELS);
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
        shutdowns.clear();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void aMessageThatKeepsFailingComesBackWithGrowingGapsThenLandsInTheDlqAndReplaysOnce() throws Exception {
        String topic = "RetryAlwaysFails";
        String group = "retry-always-fails";
        cluster.broker().topics().createIfAbsent(topic, 1);
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        List<Integer> reconsumeTimes = new CopyOnWriteArrayList<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger afterReplay = new AtomicInteger();
        DefaultMQPushConsumer consumer = consumer(group, topic);
        consumer.setMaxReconsumeTimes(3);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt m : messages) {
                if (!failing.get()) {
                    afterReplay.incrementAndGet();
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }
                deliveries.add(System.currentTimeMillis());
                reconsumeTimes.add(m.getReconsumeTimes());
            }
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        start(consumer);
        SendResult sent =
                producer().send(new Message(topic, "TagX", "key-7", "poison".getBytes(StandardCharsets.UTF_8)));

        await().atMost(PATIENCE)
                .until(() -> !cluster.broker()
                        .deadLetters()
                        .list(group, 0, Long.MAX_VALUE, 10)
                        .isEmpty());
        // nothing more may come
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries)
                        .as("maxReconsumeTimes + 1 deliveries")
                        .hasSize(4));
        assertThat(reconsumeTimes).containsExactly(0, 1, 2, 3);
        for (int i = 1; i < deliveries.size(); i++) {
            long gap = deliveries.get(i) - deliveries.get(i - 1);
            long levelDelay = (3 + i - 1) * 100L; // level 3 + reconsume count
            assertThat(gap).as("gap %d (level %d)", i, 3 + i - 1).isGreaterThanOrEqualTo(levelDelay);
        }
        DeadLetter letter = cluster.broker()
                .deadLetters()
                .list(group, 0, Long.MAX_VALUE, 10)
                .get(0);
        assertThat(letter.msgId()).isEqualTo(sent.getMsgId());
        assertThat(letter.originTopic()).isEqualTo(topic);
        assertThat(letter.properties()).containsEntry("KEYS", "key-7").containsEntry("TAGS", "TagX");
        assertThat(cluster.broker().deadLetters().deadLetterCount(group)).isEqualTo(1);

        failing.set(false);
        List<ReplayResult> replayed = cluster.broker()
                .deadLetters()
                .replay(group, List.of(sent.getMsgId()), ReplayTarget.ORIGINAL_TOPIC, 10, t -> 0);
        List<ReplayResult> again = cluster.broker()
                .deadLetters()
                .replay(group, List.of(sent.getMsgId()), ReplayTarget.ORIGINAL_TOPIC, 10, t -> 0);

        assertThat(replayed).extracting(ReplayResult::status).containsExactly(ReplayStatus.REPLAYED);
        assertThat(again).extracting(ReplayResult::status).containsExactly(ReplayStatus.ALREADY_REPLAYED);
        await().atMost(PATIENCE).until(() -> afterReplay.get() >= 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(afterReplay.get())
                        .as("the replay is delivered once")
                        .isEqualTo(1));
    }

    @Test
    void anOrderlyConsumersPoisonMessageGoesToTheDlqAndTheRestOfItsQueueStaysInOrder() throws Exception {
        String topic = "RetryOrderly";
        String group = "retry-orderly";
        cluster.broker().topics().createIfAbsent(topic, 1);
        List<Integer> consumed = new CopyOnWriteArrayList<>();
        AtomicInteger poisonAttempts = new AtomicInteger();
        DefaultMQPushConsumer consumer = consumer(group, topic);
        consumer.setMaxReconsumeTimes(2);
        consumer.setSuspendCurrentQueueTimeMillis(100);
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (MessageExt m : messages) {
                int n = Integer.parseInt(new String(m.getBody(), StandardCharsets.UTF_8));
                if (n == 3) {
                    poisonAttempts.incrementAndGet();
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                consumed.add(n);
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        start(consumer);
        DefaultMQProducer producer = producer();
        for (int i = 0; i < 10; i++) {
            producer.send(new Message(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }

        await().atMost(PATIENCE).until(() -> consumed.size() == 9);
        assertThat(consumed).containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 9);
        assertThat(poisonAttempts.get())
                .as("1 + maxReconsumeTimes local attempts")
                .isEqualTo(3);
        await().atMost(PATIENCE)
                .until(() -> !cluster.broker()
                        .deadLetters()
                        .list(group, 0, Long.MAX_VALUE, 10)
                        .isEmpty());
        DeadLetter letter = cluster.broker()
                .deadLetters()
                .list(group, 0, Long.MAX_VALUE, 10)
                .get(0);
        assertThat(letter.originTopic()).isEqualTo(topic);
    }

    @Test
    void aBrokerRestartDuringRetriesLosesAndSkipsNothing() throws Exception {
        String topic = "RetryRestart";
        String group = "retry-restart";
        cluster.broker().topics().createIfAbsent(topic, 2);
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Map<String, Boolean> done = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = consumer(group, topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt m : messages) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                // each message fails twice, then succeeds
                if (attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet() <= 2) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
                done.put(body, true);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer);
        DefaultMQProducer producer = producer();
        for (int i = 0; i < 20; i++) {
            producer.send(new Message(topic, ("r" + i).getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(PATIENCE).until(() -> attempts.size() == 20);

        cluster.stopBroker(); // retries parked in the scheduler, some just sent back
        cluster.startBroker();

        await().atMost(PATIENCE).until(() -> done.size() == 20);
        assertThat(cluster.broker().deadLetters().list(group, 0, Long.MAX_VALUE, 10))
                .isEmpty();
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("retry-producer-" + System.nanoTime());
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private DefaultMQPushConsumer consumer(String group, String topic) throws Exception {
        cluster.awaitRoute(topic);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        return consumer;
    }

    private void start(DefaultMQPushConsumer consumer) throws Exception {
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }
}
