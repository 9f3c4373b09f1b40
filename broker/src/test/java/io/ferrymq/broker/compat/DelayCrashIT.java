package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.scheduler.TimerStats;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50,000 delayed messages acknowledged under SYNC_FLUSH, the broker process killed with SIGKILL while
 * timers are firing, then restarted on the same store: every timer fires (those that fell due while
 * the broker was down included), none early, and a delivery repeated across the crash is either
 * avoided or counted by the broker.
 */
class DelayCrashIT {
    private static final int MESSAGES = 50_000;
    private static final int SENDERS = 16;

    @TempDir
    Path dir;

    private NameServer nameServer;
    private String namesrvAddr;

    @BeforeEach
    void startNameServer() {
        nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        namesrvAddr = "127.0.0.1:" + nameServer.port();
    }

    @AfterEach
    void stopNameServer() {
        nameServer.stop();
    }

    @Test
    void everyPendingTimerFiresOnceAfterAKill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("DelayCrashIT seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path store = dir.resolve("store");
        int port = freePort();
        Map<String, String> settings = Map.of("flushDiskType", "SYNC_FLUSH", "autoCreateTopicEnable", "true");
        String topic = "DelayCrash";
        long start = System.currentTimeMillis();
        // due from 4 s to 16 s after the first send: some fire before the kill, some while the broker
        // is down, the rest after the restart
        long[] due = new long[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            due[i] = start + 4_000 + random.nextInt(12_000);
        }
        boolean[] acked = new boolean[MESSAGES];

        try (BrokerProcess broker = BrokerProcess.start(store, port, namesrvAddr, settings)) {
            DefaultMQProducer producer = producer();
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> producer.send(new Message(topic, "probe".getBytes(StandardCharsets.UTF_8)))
                                    .getSendStatus()
                            == SendStatus.SEND_OK);
            AtomicInteger next = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                Thread sender = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                        Message message = new Message(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                        message.setDeliverTimeMs(due[i]);
                        try {
                            acked[i] = producer.send(message, 10_000).getSendStatus() == SendStatus.SEND_OK;
                        } catch (Exception e) {
                            acked[i] = false;
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join(120_000);
            }
            producer.shutdown();
            long killAt = start + 7_000 + random.nextInt(3_000);
            long dueByKill = ackedDueBy(acked, due, killAt);
            try (RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
                await("the timers due by the kill fired")
                        .atMost(Duration.ofSeconds(120))
                        .until(() -> stats(client, broker.port()).firedTotal() >= dueByKill);
            }
            broker.kill();
            System.out.println("killed " + (System.currentTimeMillis() - start) + " ms after the first send");
        }
        int acknowledged = 0;
        for (boolean ack : acked) {
            acknowledged += ack ? 1 : 0;
        }
        assertThat(acknowledged).as("sends acknowledged before the kill").isEqualTo(MESSAGES);
        // the broker stays down while 2 s of timers fall due: with no broker to ask, the clock is the
        // outcome to wait for
        long downUntil = System.currentTimeMillis() + 2_000;
        await("timers fall due while the broker is down")
                .atMost(Duration.ofSeconds(10))
                .until(() -> System.currentTimeMillis() >= downUntil);

        try (BrokerProcess restarted = BrokerProcess.start(store, port, namesrvAddr, settings);
                RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
            Map<Integer, AtomicInteger> deliveries = new ConcurrentHashMap<>();
            Map<Integer, Long> firstArrival = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("delay-crash-consumer");
            consumer.setNamesrvAddr(namesrvAddr);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                long now = System.currentTimeMillis();
                messages.forEach(m -> {
                    String body = new String(m.getBody(), StandardCharsets.UTF_8);
                    if (!body.equals("probe")) {
                        int index = Integer.parseInt(body);
                        deliveries
                                .computeIfAbsent(index, i -> new AtomicInteger())
                                .incrementAndGet();
                        // the store time of the delivered record: when the timer fired
                        firstArrival.merge(index, m.getStoreTimestamp(), Math::min);
                    }
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> deliveries.size() == MESSAGES);
                // a late repeat would show up now, and the broker must have counted it
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(twice(deliveries))
                                .as("deliveries repeated across the crash")
                                .isLessThanOrEqualTo(
                                        stats(client, restarted.port()).possibleDuplicates()));
            } finally {
                consumer.shutdown();
            }
            TimerStats stats = stats(client, restarted.port());
            long twice = twice(deliveries);
            long early = 0;
            for (int i = 0; i < MESSAGES; i++) {
                early += firstArrival.get(i) < due[i] ? 1 : 0;
            }
            System.out.printf(
                    "after the restart: %d timers delivered, %d of them twice; broker counted %d duplicates avoided,"
                            + " %d possible duplicates, %d lost, %d pending%n",
                    deliveries.size(),
                    twice,
                    stats.duplicatesAvoided(),
                    stats.possibleDuplicates(),
                    stats.lostTotal(),
                    stats.pending());
            assertThat(deliveries).hasSize(MESSAGES);
            assertThat(early).as("delivered before their time").isZero();
            assertThat(twice)
                    .as("deliveries repeated across the crash")
                    .isLessThanOrEqualTo(stats.possibleDuplicates());
            assertThat(stats.pending()).isZero();
            assertThat(stats.lostTotal()).isZero();
        }
    }

    private static TimerStats stats(RemotingClient client, int port) throws Exception {
        RemotingCommand response =
                client.invokeSync("127.0.0.1:" + port, RemotingCommand.request(RequestCode.FERRY_TIMER_STATS), 5_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        return JsonBodyCodec.decode(response.body(), TimerStats.class);
    }

    private static long ackedDueBy(boolean[] acked, long[] due, long timeMs) {
        return IntStream.range(0, due.length)
                .filter(i -> acked[i] && due[i] <= timeMs)
                .count();
    }

    private static long twice(Map<Integer, AtomicInteger> deliveries) {
        return deliveries.values().stream().filter(c -> c.get() > 1).count();
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("delay-crash-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        return producer;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
