package io.ferrymq.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Delayed-message lateness with the official RocketMQ client, run in its own JVM on RocketMQ's
 * classpath: {@code OfficialDelayLoad <namesrv> <topic> <timers> <delayMs> <paced|burst> <timer|level>}.
 * A push consumer subscribes first; then {@code timers} messages are sent, each delayed {@code
 * delayMs} (kind {@code timer}: {@code setDelayTimeMs}; kind {@code level}: {@code
 * setDelayTimeLevel(2)}, 5 s under the default levels; kind {@code none}: not delayed at all, the
 * reference for what the client and broker add without a timer). Paced: spread evenly over 10 s from 4
 * threads; burst: as fast as 16 threads can send. Lateness of a message = its arrival at the
 * listener - (the client's clock just before its send + delayMs); prints one {@code RESULT} line with
 * p50/p99/max lateness, the send rate and how many were early or missing.
 */
public final class OfficialDelayLoad {
    private static final long PACED_SPREAD_MS = 10_000;

    private OfficialDelayLoad() {}

    public static void main(String[] args) throws Exception {
        String namesrv = args[0];
        String topic = args[1];
        int timers = Integer.parseInt(args[2]);
        String kind = args[5];
        // kind none: the reference, the same path without a delay
        long delayMs = kind.equals("none") ? 0 : Long.parseLong(args[3]);
        boolean paced = args[4].equals("paced");
        boolean level = kind.equals("level");
        long[] sentAt = new long[timers];
        AtomicLongArray arrivedAt = new AtomicLongArray(timers);
        AtomicInteger arrived = new AtomicInteger();

        DefaultMQProducer producer = new DefaultMQProducer("bench-delay-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setSendMsgTimeout(10_000);
        producer.start();
        producer.send(new Message(topic, "warm-up".getBytes(StandardCharsets.UTF_8)));
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("bench-delay-" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.setConsumeThreadMin(8);
        consumer.setConsumeThreadMax(8);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.currentTimeMillis();
            for (MessageExt m : messages) {
                String body = new String(m.getBody(), StandardCharsets.UTF_8);
                if (!body.startsWith("t")) {
                    continue;
                }
                int index = Integer.parseInt(body.substring(1));
                if (arrivedAt.compareAndSet(index, 0, now)) {
                    arrived.incrementAndGet();
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Thread.sleep(3_000); // rebalanced, pulls parked on every queue

        int threads = paced ? 4 : 16;
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long start = System.currentTimeMillis();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < timers; i = next.getAndIncrement()) {
                    if (paced) {
                        long due = start + i * PACED_SPREAD_MS / timers;
                        long wait = due - System.currentTimeMillis();
                        if (wait > 0) {
                            sleep(wait);
                        }
                    }
                    Message message = new Message(topic, ("t" + i).getBytes(StandardCharsets.UTF_8));
                    if (level) {
                        message.setDelayTimeLevel(2);
                    } else if (delayMs > 0) {
                        message.setDelayTimeMs(delayMs);
                    }
                    sentAt[i] = System.currentTimeMillis();
                    try {
                        producer.send(message);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double sendSeconds = (System.currentTimeMillis() - start) / 1000.0;
        long deadline = System.currentTimeMillis() + delayMs + 60_000;
        while (arrived.get() < timers - failures.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        consumer.shutdown();
        producer.shutdown();

        long[] lateness = new long[timers];
        int count = 0;
        int early = 0;
        for (int i = 0; i < timers; i++) {
            long at = arrivedAt.get(i);
            if (at != 0) {
                long late = at - (sentAt[i] + delayMs);
                early += late < 0 ? 1 : 0;
                lateness[count++] = late;
            }
        }
        long[] measured = Arrays.copyOf(lateness, count);
        Arrays.sort(measured);
        System.out.printf(
                Locale.ROOT,
                "RESULT latenessP50ms=%d latenessP99ms=%d latenessMaxMs=%d early=%d missing=%d sendFailures=%d"
                        + " sendsPerSecond=%.0f%n",
                count == 0 ? -1 : measured[count / 2],
                count == 0 ? -1 : measured[Math.min(count - 1, count * 99 / 100)],
                count == 0 ? -1 : measured[count - 1],
                early,
                timers - count,
                failures.get(),
                timers / sendSeconds);
        System.exit(0);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
