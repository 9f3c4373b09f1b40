package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker process killed with SIGKILL while the official client sends under SYNC_FLUSH: after a
 * restart on the same store, every message the broker acknowledged is consumed.
 */
class BrokerCrashIT {
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
    void everyAcknowledgedSendSurvivesAKillDuringSends() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("BrokerCrashIT seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path store = dir.resolve("store");
        int port = freePort();
        Map<String, String> settings = Map.of("flushDiskType", "SYNC_FLUSH", "autoCreateTopicEnable", "true");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String topic = "CrashTopic";

        try (BrokerProcess broker = BrokerProcess.start(store, port, namesrvAddr, settings)) {
            DefaultMQProducer producer = producer();
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> producer.send(message(topic, "probe")).getSendStatus() == SendStatus.SEND_OK);
            acknowledged.add("probe");
            int killAfter = 200 + random.nextInt(800);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failures = new AtomicInteger();
            Thread[] senders = new Thread[4];
            for (int t = 0; t < senders.length; t++) {
                int thread = t;
                senders[t] = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String body = "t" + thread + "-" + i;
                        try {
                            SendResult result = producer.send(message(topic, body), 3000);
                            if (result.getSendStatus() == SendStatus.SEND_OK) {
                                acknowledged.add(body);
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet(); // expected once the broker is gone
                        }
                    }
                });
                senders[t].start();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= killAfter);
            broker.kill();
            stop.set(true);
            for (Thread sender : senders) {
                sender.join(30_000);
            }
            producer.shutdown();
            System.out.println("killed after " + acknowledged.size() + " acknowledged sends");
        }

        assertThat(Files.exists(store.resolve("abort")))
                .as("a SIGKILL leaves the abort marker")
                .isTrue();
        try (BrokerProcess restarted = BrokerProcess.start(store, port, namesrvAddr, settings)) {
            Set<String> consumed = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("crash-consumer");
            consumer.setNamesrvAddr(namesrvAddr);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> consumed.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> consumed.containsAll(acknowledged));
            } finally {
                consumer.shutdown();
            }
            assertThat(consumed).containsAll(acknowledged);
        }
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("crash-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        return producer;
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
