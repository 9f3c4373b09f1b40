package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ConcurrentListener;
import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.Message;
import io.ferrymq.client.MessageModel;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.OrderlyListener;
import io.ferrymq.client.Producer;
import io.ferrymq.client.PushConsumer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push consumer end to end: concurrent, orderly, tags, rebalancing, resuming, broadcasting. Each
 * subclass names the cluster; tests only one broker can pass yet live in its subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PushConsumerContract {
    static final Duration WAIT = Duration.ofSeconds(40);

    Path tmp;

    ClusterFixture cluster;
    Producer producer;
    Admin admin;

    /** Starts the cluster these tests run against. */
    abstract ClusterFixture startCluster(Path dir) throws Exception;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        tmp = dir;
        cluster = startCluster(tmp.resolve("cluster"));
        producer = Producer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup("it-consumer-producer")
                .build();
        admin = Admin.builder().namesrvAddr(cluster.namesrvAddr()).build();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {producer, admin, cluster}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    final void send(String topic, String tag, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(Message.builder()
                    .topic(topic)
                    .tags(tag)
                    .body((prefix + i).getBytes(UTF_8))
                    .build());
        }
        cluster.awaitRoute(topic);
    }

    final PushConsumer.Builder consumer(String group, String topic, String tags) {
        return PushConsumer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .consumerGroup(group)
                .subscribe(topic, tags)
                .consumeFrom(ConsumeFrom.FIRST)
                .offsetStoreDir(tmp.resolve("offsets"));
    }

    final ConcurrentListener recording(Map<String, AtomicInteger> counts) {
        return messages -> {
            messages.forEach(m -> counts.computeIfAbsent(new String(m.body(), UTF_8), k -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeResult.SUCCESS;
        };
    }

    @Test
    void concurrentConsumerReceivesEverythingOnce() {
        String topic = "PushItConcurrent";
        send(topic, "A", "m", 200);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (PushConsumer consumer = consumer("it-concurrent", topic, "*")
                .listener(recording(counts))
                .build()) {
            await().atMost(WAIT).until(() -> counts.size() == 200);
        }
        assertThat(counts.values()).allMatch(c -> c.get() == 1);
    }

    @Test
    void tagFilterDeliversOnlyMatchingTags() {
        String topic = "PushItTags";
        send(topic, "A", "a", 10);
        send(topic, "B", "b", 10);
        send(topic, "C", "c", 10);
        producer.send(Message.of(topic, "untagged".getBytes(UTF_8)));
        send(topic, "A", "last", 1);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<String> tags = new CopyOnWriteArrayList<>();
        ConcurrentListener listener = messages -> {
            messages.forEach(m -> tags.add(m.tags()));
            return recording(counts).consume(messages);
        };
        try (PushConsumer consumer =
                consumer("it-tags", topic, "A || B").listener(listener).build()) {
            await().atMost(WAIT).until(() -> counts.containsKey("last0") && counts.size() == 21);
        }
        assertThat(tags).containsOnly("A", "B").hasSize(21);
    }

    @Test
    void orderlyConsumerKeepsPerQueueOrderWithAKeySelector() {
        String topic = "PushItOrderly";
        int keys = 8;
        int perKey = 25;
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                producer.send(Message.of(topic, ("k" + k + ":" + i).getBytes(UTF_8)), "key-" + k);
            }
        }
        cluster.awaitRoute(topic);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<MessageQueue, Long> lastOffset = new ConcurrentHashMap<>();
        AtomicInteger outOfOrder = new AtomicInteger();
        OrderlyListener listener = messages -> {
            for (MessageView m : messages) {
                String[] parts = new String(m.body(), UTF_8).split(":");
                seen.computeIfAbsent(parts[0], k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Integer.parseInt(parts[1]));
                Long previous = lastOffset.put(m.queue(), m.queueOffset());
                if (previous != null && previous >= m.queueOffset()) {
                    outOfOrder.incrementAndGet();
                }
            }
            return ConsumeResult.SUCCESS;
        };
        try (PushConsumer consumer = consumer("it-orderly", topic, "*")
                .orderlyListener(listener)
                .consumeThreads(4)
                .build()) {
            await().atMost(WAIT)
                    .until(() -> seen.values().stream().mapToInt(List::size).sum() == keys * perKey);
        }
        assertThat(outOfOrder.get()).isZero();
        for (List<Integer> sequence : seen.values()) {
            List<Integer> sorted = new ArrayList<>(sequence);
            Collections.sort(sorted);
            assertThat(sequence).isEqualTo(sorted).hasSize(perKey);
        }
    }

    @Test
    void secondConsumerTakesOverQueuesAndNothingIsConsumedTwice() {
        String topic = "PushItRebalance";
        String group = "it-rebalance";
        send(topic, "A", "first", 100);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (PushConsumer a =
                consumer(group, topic, "*").listener(recording(counts)).build()) {
            await().atMost(WAIT).until(() -> counts.size() == 100);
            await().atMost(WAIT).until(() -> admin.consumeStats(group, topic).totalLag() == 0);
            try (PushConsumer b =
                    consumer(group, topic, "*").listener(recording(counts)).build()) {
                await().atMost(WAIT).until(() -> split(a, b, topic));
                send(topic, "A", "second", 100);
                await().atMost(WAIT).until(() -> counts.size() == 200);
                assertThat(topicQueues(a, topic)).isNotEmpty();
                assertThat(topicQueues(b, topic)).isNotEmpty();
            }
        }
        assertThat(counts.entrySet())
                .allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(1));
    }

    static Set<MessageQueue> topicQueues(PushConsumer consumer, String topic) {
        Set<MessageQueue> queues = new HashSet<>(consumer.assignedQueues());
        queues.removeIf(q -> !q.topic().equals(topic));
        return queues;
    }

    static boolean split(PushConsumer a, PushConsumer b, String topic) {
        Set<MessageQueue> first = topicQueues(a, topic);
        Set<MessageQueue> second = topicQueues(b, topic);
        Set<MessageQueue> all = new HashSet<>(first);
        all.addAll(second);
        return !first.isEmpty() && !second.isEmpty() && all.size() == first.size() + second.size() && all.size() == 4;
    }

    @Test
    void restartedConsumerResumesFromItsCommittedOffset() {
        String topic = "PushItResume";
        String group = "it-resume";
        send(topic, "A", "before", 50);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (PushConsumer consumer =
                consumer(group, topic, "*").listener(recording(counts)).build()) {
            await().atMost(WAIT).until(() -> counts.size() == 50);
        }
        send(topic, "A", "after", 50);
        Map<String, AtomicInteger> again = new ConcurrentHashMap<>();
        try (PushConsumer consumer =
                consumer(group, topic, "*").listener(recording(again)).build()) {
            await().atMost(WAIT).until(() -> again.size() == 50);
        }
        assertThat(again.keySet()).allMatch(body -> body.startsWith("after"));
    }

    @Test
    void broadcastingConsumersEachGetEverything() {
        String topic = "PushItBroadcast";
        send(topic, "A", "m", 40);
        Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
        try (PushConsumer a = consumer("it-broadcast", topic, "*")
                        .messageModel(MessageModel.BROADCASTING)
                        .offsetStoreDir(tmp.resolve("bc-a"))
                        .listener(recording(first))
                        .build();
                PushConsumer b = consumer("it-broadcast", topic, "*")
                        .messageModel(MessageModel.BROADCASTING)
                        .offsetStoreDir(tmp.resolve("bc-b"))
                        .listener(recording(second))
                        .build()) {
            await().atMost(WAIT).until(() -> first.size() == 40 && second.size() == 40);
        }
        assertThat(tmp.resolve("bc-a").resolve("it-broadcast").resolve("offsets.json"))
                .exists();
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
