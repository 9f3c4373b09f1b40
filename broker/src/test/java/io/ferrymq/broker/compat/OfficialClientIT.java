package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
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
 * The official Apache RocketMQ client (5.5.0), unchanged, against FerryMQ's nameserver and broker:
 * every kind of send, concurrent and orderly push consumers, tag filters, rebalancing, resuming from
 * committed offsets, queries, auto-created topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialClientIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private FerryCluster cluster;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    void startCluster(@TempDir Path store) throws Exception {
        cluster = FerryCluster.start(store);
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
    void everyKindOfSendIsConsumedExactlyOnce() throws Exception {
        String topic = "CompatSends";
        DefaultMQProducer producer = producer();
        for (int i = 0; i < 50; i++) {
            assertThat(producer.send(message(topic, "sync-" + i)).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
        }
        CountDownLatch acked = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            producer.send(message(topic, "async-" + i), countingCallback(acked));
        }
        assertThat(acked.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            producer.sendOneway(message(topic, "oneway-" + i));
        }
        for (int b = 0; b < 5; b++) {
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(message(topic, "batch-" + b + "-" + i));
            }
            SendResult result = producer.send(batch);
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMsgId().split(",")).hasSize(10);
        }

        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        concurrentConsumer("compat-sends", topic, "*", m -> count(counts, body(m)));

        await().atMost(PATIENCE).until(() -> counts.size() == 200);
        assertThat(counts.values()).allMatch(c -> c.get() == 1);
    }

    @Test
    void orderlyConsumerKeepsTheOrderOfEachKey() throws Exception {
        String topic = "CompatOrderly";
        DefaultMQProducer producer = producer();
        for (int seq = 0; seq < 40; seq++) {
            for (int key = 0; key < 5; key++) {
                Message m = message(topic, "k" + key + ":" + seq);
                SendResult result = producer.send(m, (queues, msg, arg) -> queues.get((int) arg % queues.size()), key);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = consumer("compat-orderly", topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (MessageExt m : messages) {
                String[] parts = body(m).split(":");
                seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(parts[1]));
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        start(consumer);

        await().atMost(PATIENCE)
                .until(() -> seen.values().stream().mapToInt(List::size).sum() == 200);
        List<Integer> expected = java.util.stream.IntStream.range(0, 40).boxed().toList();
        assertThat(seen)
                .hasSize(5)
                .allSatisfy((key, sequence) -> assertThat(sequence).isEqualTo(expected));
    }

    @Test
    void tagExpressionDeliversOnlyTheNamedTags() throws Exception {
        String topic = "CompatTags";
        DefaultMQProducer producer = producer();
        for (String tag : List.of("TagA", "TagB", "TagC")) {
            for (int i = 0; i < 30; i++) {
                producer.send(new Message(topic, tag, (tag + "-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<String> unwanted = new CopyOnWriteArrayList<>();
        concurrentConsumer("compat-tags", topic, "TagA || TagB", m -> {
            if (!List.of("TagA", "TagB").contains(m.getTags())) {
                unwanted.add(m.getTags());
            }
            count(counts, body(m));
        });

        await().atMost(PATIENCE).until(() -> counts.size() == 60);
        assertThat(unwanted).isEmpty();
        assertThat(counts.keySet()).noneMatch(b -> b.startsWith("TagC"));
    }

    @Test
    void aSecondConsumerTakesOverQueuesAndNothingIsConsumedTwice() throws Exception {
        String topic = "CompatRebalance";
        String group = "compat-rebalance";
        DefaultMQProducer producer = producer();
        sendBodies(producer, topic, "first-", 100);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byConsumer = new ConcurrentHashMap<>();
        concurrentConsumer(group, topic, "*", m -> {
            count(counts, body(m));
            count(byConsumer, "c1");
        });
        await().atMost(PATIENCE).until(() -> counts.size() == 100);
        await().atMost(PATIENCE).until(() -> committedOffsets(group, topic) == 100);

        concurrentConsumer(group, topic, "*", m -> {
            count(counts, body(m));
            count(byConsumer, "c2");
        });
        await().atMost(PATIENCE).until(() -> consumerCount(group) == 2);
        // both clients rebalance after the membership notice; keep sending until the newcomer has
        // taken over queues and consumed from them
        AtomicInteger sent = new AtomicInteger(100);
        await("the newcomer consumes")
                .atMost(PATIENCE)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (byConsumer.get("c2") != null) {
                        return true;
                    }
                    sendBodies(producer, topic, "batch" + sent.get() + "-", 20);
                    sent.addAndGet(20);
                    return false;
                });
        int total = sent.get();
        await().atMost(PATIENCE).until(() -> counts.size() == total);
        assertThat(counts.values()).allMatch(c -> c.get() == 1);
        assertThat(byConsumer.get("c2"))
                .as("the newcomer took over some queues")
                .isNotNull();
    }

    @Test
    void aRestartedConsumerResumesFromItsCommittedOffset() throws Exception {
        String topic = "CompatResume";
        String group = "compat-resume";
        DefaultMQProducer producer = producer();
        sendBodies(producer, topic, "before-", 50);
        Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = concurrentConsumer(group, topic, "*", m -> count(first, body(m)));
        await().atMost(PATIENCE).until(() -> first.size() == 50);
        consumer.shutdown(); // persists its offsets

        sendBodies(producer, topic, "after-", 30);
        Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
        concurrentConsumer(group, topic, "*", m -> count(second, body(m)));

        await().atMost(PATIENCE).until(() -> second.size() == 30);
        assertThat(second.keySet()).allMatch(b -> b.startsWith("after-"));
    }

    @Test
    void messagesAreFoundByKeyByUniqueIdAndByOffsetId() throws Exception {
        String topic = "CompatQuery";
        DefaultMQProducer producer = producer();
        Message message = new Message(topic, "TagQ", "order-42", "the answer".getBytes(StandardCharsets.UTF_8));
        SendResult sent = producer.send(message);

        await().atMost(PATIENCE)
                .until(() -> !producer.queryMessage(topic, "order-42", 10, 0, Long.MAX_VALUE)
                        .getMessageList()
                        .isEmpty());
        MessageExt byKey = producer.queryMessage(topic, "order-42", 10, 0, Long.MAX_VALUE)
                .getMessageList()
                .get(0);
        assertThat(body(byKey)).isEqualTo("the answer");
        MessageExt byUniqueId = producer.viewMessage(topic, sent.getMsgId());
        assertThat(body(byUniqueId)).isEqualTo("the answer");
        // an offset id decodes to this broker's address and the record's offset: VIEW_MESSAGE_BY_ID
        MessageExt byOffsetId = producer.viewMessage(topic, sent.getOffsetMsgId());
        assertThat(byOffsetId.getKeys()).isEqualTo("order-42");
        assertThat(byOffsetId.getMsgId()).isEqualTo(sent.getMsgId());
    }

    @Test
    void aProducerSendsToATopicThatDoesNotExistYet() throws Exception {
        String topic = "CompatBrandNew" + System.nanoTime();
        assertThat(cluster.broker().topics().find(topic)).isEmpty();
        SendResult result = producer().send(message(topic, "first ever"));
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(cluster.broker().topics().find(topic)).isPresent();
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        concurrentConsumer("compat-new-topic", topic, "*", m -> count(counts, body(m)));
        await().atMost(PATIENCE).until(() -> counts.containsKey("first ever"));
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("compat-producer-" + System.nanoTime());
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private DefaultMQPushConsumer consumer(String group, String topic, String expression) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, expression);
        return consumer;
    }

    private DefaultMQPushConsumer concurrentConsumer(
            String group, String topic, String expression, Consumer<MessageExt> onMessage) throws Exception {
        DefaultMQPushConsumer consumer = consumer(group, topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(onMessage);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        start(consumer);
        return consumer;
    }

    private void start(DefaultMQPushConsumer consumer) throws Exception {
        consumer.start();
        shutdowns.add(0, consumer::shutdown);
    }

    /** Sum of the committed offsets of the topic's queues for the group, asked of the broker. */
    private long committedOffsets(String group, String topic) throws Exception {
        long total = 0;
        try (RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
            for (int queue = 0; queue < 4; queue++) {
                RemotingCommand query = RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET)
                        .putExtField("consumerGroup", group)
                        .putExtField("topic", topic)
                        .putExtField("queueId", Integer.toString(queue));
                RemotingCommand response = client.invokeSync(cluster.broker().advertisedAddress(), query, 3000);
                if (response.code() == ResponseCode.SUCCESS) {
                    total += Long.parseLong(response.extField("offset"));
                }
            }
        }
        return total;
    }

    private int consumerCount(String group) throws Exception {
        try (RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
            RemotingCommand list = RemotingCommand.request(RequestCode.GET_CONSUMER_LIST_BY_GROUP)
                    .putExtField("consumerGroup", group);
            RemotingCommand response = client.invokeSync(cluster.broker().advertisedAddress(), list, 3000);
            if (response.code() != ResponseCode.SUCCESS) {
                return 0;
            }
            return com.alibaba
                    .fastjson2
                    .JSON
                    .parseObject(response.body())
                    .getJSONArray("consumerIdList")
                    .size();
        }
    }

    private static void sendBodies(DefaultMQProducer producer, String topic, String prefix, int count)
            throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(producer.send(message(topic, prefix + i)).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
        }
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static SendCallback countingCallback(CountDownLatch acked) {
        return new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    acked.countDown();
                }
            }

            @Override
            public void onException(Throwable e) {
                // the latch stays up and the test fails with its timeout
            }
        };
    }
}
