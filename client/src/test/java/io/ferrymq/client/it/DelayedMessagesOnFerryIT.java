package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.DelayStats;
import io.ferrymq.client.Message;
import io.ferrymq.client.Producer;
import io.ferrymq.client.PushConsumer;
import io.ferrymq.client.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed messages with FerryMQ's own client against FerryMQ's broker: {@link Message.Builder#deliverAt}
 * and {@link Message.Builder#deliverAfter} over random delays up to 10 s, each delivered once, never
 * early, with its id; pending ones visible and cancellable through {@link Admin}.
 */
class DelayedMessagesOnFerryIT {
    private static final int MESSAGES = 10_000;
    private static final int MAX_DELAY_MS = 10_000;

    private Path tmp;
    private FerryClusterFixture cluster;
    private Producer producer;
    private Admin admin;
    private final List<PushConsumer> consumers = new ArrayList<>();

    @BeforeEach
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        tmp = dir;
        cluster = FerryClusterFixture.start(tmp.resolve("cluster"));
        producer = Producer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup("it-delay-producer")
                .sendTimeout(Duration.ofSeconds(10))
                .build();
        admin = Admin.builder().namesrvAddr(cluster.namesrvAddr()).build();
    }

    @AfterEach
    void stop() throws Exception {
        consumers.forEach(PushConsumer::close);
        producer.close();
        admin.close();
        cluster.close();
    }

    @Test
    void delayedMessagesArriveOnceWithTheirIdAndNeverEarly() throws Exception {
        String topic = "ItDelayed";
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        producer.send(Message.of(topic, "warm-up".getBytes(UTF_8)));
        cluster.awaitRoute(topic);
        Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        String[] ids = new String[MESSAGES];
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        consumer("it-delay-consumer", topic, messages -> {
            long now = System.currentTimeMillis();
            messages.forEach(m -> {
                String body = new String(m.body(), UTF_8);
                if (body.equals("warm-up")) {
                    return;
                }
                int index = Integer.parseInt(body);
                arrivals.putIfAbsent(index, now);
                deliveries.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
                if (ids[index] != null && !ids[index].equals(m.msgId())) {
                    problems.add(index + " arrived as " + m.msgId() + ", sent as " + ids[index]);
                }
                if (m.properties().containsKey("TIMER_DELAY_MS")
                        || m.properties().containsKey("TIMER_DELIVER_MS")) {
                    problems.add(index + " kept its delay property: " + m.properties());
                }
            });
            return ConsumeResult.SUCCESS;
        });

        long[] earliest = new long[MESSAGES];
        int[] delays = new int[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            delays[i] = random.nextInt(MAX_DELAY_MS + 1);
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread sender = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                    long now = System.currentTimeMillis();
                    Message.Builder message = Message.builder()
                            .topic(topic)
                            .body(Integer.toString(i).getBytes(UTF_8));
                    if (i % 2 == 0) {
                        message.deliverAfter(Duration.ofMillis(delays[i]));
                    } else {
                        message.deliverAt(Instant.ofEpochMilli(now + delays[i]));
                    }
                    earliest[i] = now + delays[i];
                    try {
                        ids[i] = producer.send(message.build()).msgId();
                    } catch (RuntimeException e) {
                        problems.add(i + " not sent: " + e);
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join(120_000);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> arrivals.size() == MESSAGES || !problems.isEmpty());
        // a duplicate would show up now
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(problems).as("seed %d", seed).isEmpty();
            assertThat(deliveries.values()).allMatch(count -> count.get() == 1);
        });
        long[] lateness = new long[MESSAGES];
        int early = 0;
        for (int i = 0; i < MESSAGES; i++) {
            lateness[i] = arrivals.get(i) - earliest[i];
            early += lateness[i] < 0 ? 1 : 0;
        }
        assertThat(early).as("delivered before their time (seed %d)", seed).isZero();
        java.util.Arrays.sort(lateness);
        System.out.printf(
                Locale.ROOT,
                "FerryMQ client, %d delayed messages up to %d ms (seed %d): none early; lateness at the consumer"
                        + " p50 %d ms, p99 %d ms, max %d ms%n",
                MESSAGES,
                MAX_DELAY_MS,
                seed,
                lateness[MESSAGES / 2],
                lateness[MESSAGES * 99 / 100],
                lateness[MESSAGES - 1]);
    }

    @Test
    void pendingMessagesAreVisibleAndACancelledOneIsNeverDelivered() throws Exception {
        String topic = "ItDelayCancel";
        producer.send(Message.of(topic, "warm-up".getBytes(UTF_8)));
        cluster.awaitRoute(topic);
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        consumer("it-delay-cancel", topic, messages -> {
            messages.forEach(m -> received.add(new String(m.body(), UTF_8)));
            return ConsumeResult.SUCCESS;
        });
        SendResult far = producer.send(Message.builder()
                .topic(topic)
                .body("far".getBytes(UTF_8))
                .deliverAfter(Duration.ofMinutes(30))
                .build());
        SendResult cancelled = producer.send(Message.builder()
                .topic(topic)
                .body("cancelled".getBytes(UTF_8))
                .deliverAfter(Duration.ofSeconds(2))
                .build());
        producer.send(Message.builder()
                .topic(topic)
                .body("marker".getBytes(UTF_8))
                .deliverAfter(Duration.ofMillis(2500))
                .build());

        await().atMost(Duration.ofSeconds(10)).until(() -> stats().pending() == 3);
        DelayStats pending = stats();
        assertThat(pending.dueWithin1m()).isEqualTo(2);
        assertThat(pending.dueWithin1h()).isEqualTo(3);
        assertThat(pending.nextDueMs()).isGreaterThan(System.currentTimeMillis() - 1000);

        assertThat(admin.cancelDelayed(cluster.clusterName(), cancelled.msgId()))
                .isTrue();
        assertThat(admin.cancelDelayed(cluster.clusterName(), cancelled.msgId()))
                .as("a second cancel finds nothing pending")
                .isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> received.contains("marker"));
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(List.copyOf(received))
                        .contains("warm-up", "marker")
                        .doesNotContain("cancelled", "far"));
        DelayStats after = stats();
        assertThat(after.pending()).isEqualTo(1);
        assertThat(after.cancelledTotal()).isEqualTo(1);
        assertThat(after.firedTotal()).isEqualTo(1);

        assertThat(admin.cancelDelayed(cluster.clusterName(), far.msgId())).isTrue();
        assertThat(stats().pending()).isZero();
    }

    private DelayStats stats() {
        Map<String, DelayStats> all = admin.delayStats(cluster.clusterName());
        assertThat(all).hasSize(1);
        return all.values().iterator().next();
    }

    private void consumer(String group, String topic, io.ferrymq.client.ConcurrentListener listener) {
        consumers.add(PushConsumer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .consumerGroup(group)
                .subscribe(topic, "*")
                .consumeFrom(ConsumeFrom.FIRST)
                .offsetStoreDir(tmp.resolve("offsets-" + group))
                .listener(listener)
                .build());
    }
}
