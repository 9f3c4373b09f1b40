package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.scheduler.TimerStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed messages from the official Apache RocketMQ client (5.5.0), unchanged: 10,000 messages with
 * random delays up to 10 s, a third each by delay level ({@code setDelayTimeLevel}, over a broker
 * whose {@code messageDelayLevel} is 1s..10s), by relative delay ({@code setDelayTimeMs}) and by
 * absolute time ({@code setDeliverTimeMs}). Each arrives once, on its real topic, with the message id
 * the send returned, without delay properties, and never before its time. Prints the lateness.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialDelayIT {
    private static final int MESSAGES = 10_000;
    private static final long MAX_DELAY_MS = 10_000;

    private FerryCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path store) throws Exception {
        cluster = FerryCluster.start(store, "messageDelayLevel", "1s 2s 3s 4s 5s 6s 7s 8s 9s 10s");
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void everyDelayedMessageArrivesOnceOnItsTopicAndNeverEarly() throws Exception {
        String topic = "CompatDelayed";
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        DefaultMQProducer producer = new DefaultMQProducer("compat-delay-producer");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setSendMsgTimeout(10_000);
        producer.start();
        long[] earliest = new long[MESSAGES];
        String[] ids = new String[MESSAGES];
        Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("compat-delay-consumer");
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : messages) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                if (body.equals("warm-up")) {
                    continue;
                }
                int index = Integer.parseInt(body);
                arrivals.putIfAbsent(index, now);
                deliveries.computeIfAbsent(index, i -> new AtomicInteger()).incrementAndGet();
                if (m.getProperty("DELAY") != null
                        || m.getProperty("TIMER_DELAY_MS") != null
                        || m.getProperty("TIMER_DELIVER_MS") != null) {
                    problems.add(index + " still carries a delay property: " + m.getProperties());
                }
                if (!m.getTopic().equals(topic)) {
                    problems.add(index + " arrived on " + m.getTopic());
                }
                String id = ids[index];
                if (id != null && !id.equals(m.getMsgId())) {
                    problems.add(index + " arrived with id " + m.getMsgId() + ", sent as " + id);
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            // the topic exists before the consumer starts, so it reads from offset 0
            producer.send(new Message(topic, "warm-up".getBytes(StandardCharsets.UTF_8)));
            consumer.start();
            // closed-loop sends from a few threads: each reaches the broker right after the client's
            // clock is read, so a relative delay's due time is known to the client too
            Message[] messages = new Message[MESSAGES];
            for (int i = 0; i < MESSAGES; i++) {
                messages[i] = new Message(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            }
            int[] kinds = new int[MESSAGES];
            long[] amounts = new long[MESSAGES];
            for (int i = 0; i < MESSAGES; i++) {
                kinds[i] = i % 3;
                amounts[i] = kinds[i] == 0 ? 1 + random.nextInt(10) : random.nextInt((int) MAX_DELAY_MS + 1);
            }
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread sender = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                        Message message = messages[i];
                        long now = System.currentTimeMillis();
                        switch (kinds[i]) {
                            case 0 -> {
                                message.setDelayTimeLevel((int) amounts[i]);
                                earliest[i] = now + amounts[i] * 1000L;
                            }
                            case 1 -> {
                                message.setDelayTimeMs(amounts[i]);
                                earliest[i] = now + amounts[i];
                            }
                            default -> {
                                message.setDeliverTimeMs(now + amounts[i]);
                                earliest[i] = now + amounts[i];
                            }
                        }
                        try {
                            ids[i] = producer.send(message).getMsgId();
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join(120_000);
            }
            assertThat(failures).as("send failures").isEmpty();

            await().atMost(Duration.ofSeconds(60)).until(() -> arrivals.size() == MESSAGES);
            // a duplicate would show up now
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        assertThat(problems).as("seed %d", seed).isEmpty();
                        assertThat(deliveries.values()).allMatch(count -> count.get() == 1);
                    });
            long[] lateness = new long[MESSAGES];
            List<String> early = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                lateness[i] = arrivals.get(i) - earliest[i];
                if (lateness[i] < 0) {
                    early.add(i + " by " + -lateness[i] + " ms");
                }
            }
            assertThat(early).as("arrived before their time (seed %d)", seed).isEmpty();
            List<Long> sorted = new ArrayList<>();
            for (long late : lateness) {
                sorted.add(late);
            }
            Collections.sort(sorted);
            TimerStats stats = cluster.broker().timers().stats();
            System.out.printf(
                    Locale.ROOT,
                    "official client, %d delayed messages up to %d ms (seed %d): none early; lateness at the"
                            + " consumer (arrival - send time - delay) p50 %d ms, p99 %d ms, max %d ms; at the"
                            + " broker (append completed - due) p50 %d ms, p99 %d ms, max %d ms over %d timers%n",
                    MESSAGES,
                    MAX_DELAY_MS,
                    seed,
                    sorted.get(MESSAGES / 2),
                    sorted.get(MESSAGES * 99 / 100),
                    sorted.get(MESSAGES - 1),
                    stats.lateness().p50Ms(),
                    stats.lateness().p99Ms(),
                    stats.lateness().maxMs(),
                    stats.lateness().count());
            assertThat(stats.firedTotal())
                    .isGreaterThanOrEqualTo(MESSAGES - MESSAGES / 20)
                    .isLessThanOrEqualTo(MESSAGES);
            assertThat(stats.pending()).isZero();
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void aDelayBeyondTheMaximumIsRefusedWithAClearError() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("compat-delay-refused");
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        try {
            producer.send(new Message("CompatDelayRefused", "x".getBytes(StandardCharsets.UTF_8)));
            Message tooFar = new Message("CompatDelayRefused", "y".getBytes(StandardCharsets.UTF_8));
            tooFar.setDeliverTimeMs(
                    System.currentTimeMillis() + Duration.ofDays(400).toMillis());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> producer.send(tooFar))
                    .isInstanceOf(MQBrokerException.class)
                    .hasMessageContaining("TIMER_DELIVER_MS")
                    .hasMessageContaining("timerMaxDelaySec");
            assertThat(producer.send(new Message("CompatDelayRefused", "z".getBytes(StandardCharsets.UTF_8)))
                            .getSendStatus())
                    .as("the broker keeps serving")
                    .isEqualTo(org.apache.rocketmq.client.producer.SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }
}
