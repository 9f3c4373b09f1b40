package io.ferrymq.compat49;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.broker.Broker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
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
 * The official Apache RocketMQ 4.9.8 Java client, unchanged, against FerryMQ's nameserver and broker
 * in this JVM (loopback, ephemeral ports): every send mode, concurrent and orderly push consumers, a
 * tag filter, query by key and view by id, transactions, a delay level, and a topic created by its
 * first send. The 5.x client's suite is in the broker module; these are the same promises for
 * applications still on 4.9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Client49IT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private FerryCluster cluster;
    private Broker broker;
    private String namesrvAddr;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        cluster = FerryCluster.start(dir, "Compat49", "broker-a");
        broker = cluster.broker();
        namesrvAddr = cluster.namesrvAddr();
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
        shutdowns.clear();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everySendModeReachesAConcurrentConsumer() throws Exception {
        String topic = topic("Sends49", 4);
        DefaultMQProducer producer = producer();
        assertThat(producer.send(message(topic, "TagA", "k-sync", "sync")).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
        CountDownLatch asyncDone = new CountDownLatch(1);
        List<Throwable> asyncFailures = new CopyOnWriteArrayList<>();
        producer.send(message(topic, "TagA", "k-async", "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                asyncDone.countDown();
            }

            @Override
            public void onException(Throwable e) {
                asyncFailures.add(e);
                asyncDone.countDown();
            }
        });
        assertThat(asyncDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asyncFailures).isEmpty();
        producer.sendOneway(message(topic, "TagA", "k-oneway", "oneway"));
        SendResult batch = producer.send(List.of(
                message(topic, "TagA", "k-b1", "batch-1"),
                message(topic, "TagA", "k-b2", "batch-2"),
                message(topic, "TagA", "k-b3", "batch-3")));
        assertThat(batch.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        Set<String> received = ConcurrentHashMap.newKeySet();
        List<String> all = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer("sends49-group", topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> {
                received.add(body(m));
                all.add(body(m));
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer, topic);

        await().atMost(PATIENCE).until(() -> received.size() == 6);
        assertThat(received).containsExactlyInAnyOrder("sync", "async", "oneway", "batch-1", "batch-2", "batch-3");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(all).hasSize(6));
    }

    @Test
    void anOrderlyConsumerSeesEachKeysMessagesInSendOrder() throws Exception {
        String topic = topic("Orderly49", 4);
        DefaultMQProducer producer = producer();
        List<String> keys = List.of("order-1", "order-2", "order-3");
        for (int i = 0; i < 30; i++) {
            String key = keys.get(i % keys.size());
            SendResult sent = producer.send(
                    message(topic, "TagO", key, key + ":" + i),
                    (queues, msg, arg) -> queues.get(Math.floorMod(arg.hashCode(), queues.size())),
                    key);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }

        Map<String, List<Integer>> byKey = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = consumer("orderly49-group", topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (MessageExt m : messages) {
                String[] parts = body(m).split(":");
                byKey.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        start(consumer, topic);

        await().atMost(PATIENCE)
                .until(() -> byKey.values().stream().mapToInt(List::size).sum() == 30);
        for (String key : keys) {
            assertThat(byKey.get(key)).as(key).isSorted().hasSize(10);
        }
    }

    @Test
    void aTagExpressionDeliversOnlyItsTags() throws Exception {
        String topic = topic("Tags49", 2);
        DefaultMQProducer producer = producer();
        for (String tag : List.of("A", "B", "C", "A", "C", "B")) {
            producer.send(message(topic, tag, "k-" + tag, "tag-" + tag));
        }

        List<String> tags = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer("tags49-group", topic, "A || B");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> tags.add(m.getTags()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer, topic);

        await().atMost(PATIENCE).until(() -> tags.size() == 4);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(tags).containsExactlyInAnyOrder("A", "A", "B", "B"));
    }

    @Test
    void messagesAreFoundByKeyAndById() throws Exception {
        String topic = topic("Lookup49", 2);
        DefaultMQProducer producer = producer();
        long begin = System.currentTimeMillis() - 60_000;
        SendResult sent = producer.send(message(topic, "TagQ", "order-4711", "look me up"));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            QueryResult found =
                    producer.queryMessage(topic, "order-4711", 8, begin, System.currentTimeMillis() + 60_000);
            assertThat(found.getMessageList()).extracting(Client49IT::body).containsExactly("look me up");
        });
        MessageExt byId = producer.viewMessage(topic, sent.getMsgId());
        assertThat(body(byId)).isEqualTo("look me up");
        assertThat(byId.getKeys()).isEqualTo("order-4711");
    }

    @Test
    void committedHalvesAreDeliveredAndRolledBackOnesAreNot() throws Exception {
        String topic = topic("Tx49", 2);
        TransactionMQProducer producer = new TransactionMQProducer("tx49-producer-" + System.nanoTime());
        producer.setNamesrvAddr(namesrvAddr);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return new String(msg.getBody(), UTF_8).startsWith("commit")
                        ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        shutdowns.add(producer::shutdown);
        for (String body : List.of("commit-1", "rollback-1", "commit-2", "rollback-2")) {
            SendResult sent = producer.sendMessageInTransaction(message(topic, "TagT", "k-" + body, body), null);
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }

        List<String> delivered = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer("tx49-group", topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> delivered.add(body(m)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer, topic);

        await().atMost(PATIENCE).until(() -> delivered.size() == 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(delivered).containsExactlyInAnyOrder("commit-1", "commit-2"));
    }

    @Test
    void aDelayLevelHoldsTheMessageBackThenDeliversIt() throws Exception {
        String topic = topic("Delay49", 1);
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = consumer("delay49-group", topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> arrivals.add(System.currentTimeMillis()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer, topic);
        Message delayed = message(topic, "TagD", "k-delay", "later");
        delayed.setDelayTimeLevel(2); // 5 s

        long sentAt = System.currentTimeMillis();
        assertThat(producer().send(delayed).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        await().atMost(PATIENCE).until(() -> arrivals.size() == 1);
        assertThat(arrivals.get(0) - sentAt).isGreaterThanOrEqualTo(5_000 - 50);
    }

    @Test
    void theFirstSendToAnUnknownTopicCreatesIt() throws Exception {
        String topic = "Fresh49-" + System.nanoTime();
        SendResult sent = producer().send(message(topic, "TagF", "k-fresh", "first"));

        assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(broker.topics().find(topic)).isPresent();
    }

    private String topic(String name, int queues) {
        broker.topics().createIfAbsent(name, queues);
        return name;
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("producer49-" + System.nanoTime());
        producer.setNamesrvAddr(namesrvAddr);
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private DefaultMQPushConsumer consumer(String group, String topic, String expression) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, expression);
        return consumer;
    }

    private void start(DefaultMQPushConsumer consumer, String topic) throws Exception {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> routed(topic));
        consumer.start();
        shutdowns.add(consumer::shutdown);
    }

    /** The consumer's topic has a route on the nameserver (a consumer started before it waits 30 s). */
    private boolean routed(String topic) throws Exception {
        DefaultMQProducer probe = new DefaultMQProducer("route-probe-" + System.nanoTime());
        probe.setNamesrvAddr(namesrvAddr);
        probe.start();
        try {
            return !probe.fetchPublishMessageQueues(topic).isEmpty();
        } finally {
            probe.shutdown();
        }
    }

    private static Message message(String topic, String tag, String key, String body) {
        return new Message(topic, tag, key, body.getBytes(UTF_8));
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), UTF_8);
    }
}
