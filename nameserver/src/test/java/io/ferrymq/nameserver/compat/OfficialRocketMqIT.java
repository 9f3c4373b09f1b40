package io.ferrymq.nameserver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.testkit.official.OfficialBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * An official Apache RocketMQ broker (a child JVM) registers with FerryMQ's nameserver, and the
 * official client (this JVM) finds it only through that nameserver.
 */
class OfficialRocketMqIT {
    private static final int MESSAGES = 1_000;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // keeps the broker's logs when a test fails
    Path tmp;

    private NameServer nameServer;
    private String namesrvAddr;
    private OfficialProbe probe;

    @BeforeEach
    void startNameServer() {
        nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        namesrvAddr = "127.0.0.1:" + nameServer.port();
        probe = new OfficialProbe(namesrvAddr);
    }

    @AfterEach
    void stopNameServer() {
        probe.close();
        nameServer.stop();
    }

    @Test
    void officialClientSendsAndConsumesThroughRoutesFromOurNameServer() throws Exception {
        String topic = "FerryCompatTopic";
        try (OfficialBroker broker = OfficialBroker.start("FerryCompat", "broker-a", namesrvAddr, tmp)) {
            broker.awaitRegistered(probe, Duration.ofSeconds(30));

            sendAll(topic);
            // the broker announces a topic it auto-created with an extra registration of its own
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.route(topic).isPresent());
            TopicRouteData route = probe.route(topic).orElseThrow();
            assertThat(route.getBrokerDatas())
                    .singleElement()
                    .satisfies(data -> assertThat(data.getBrokerAddrs()).containsEntry(0L, broker.address()));
            assertThat(route.getQueueDatas()).extracting(QueueData::getPerm).containsOnly(6);

            Set<String> received = consumeAll(topic);
            assertThat(received).hasSize(MESSAGES);

            broker.terminate();
            // its shutdown hook unregisters: the topic's route disappears with it
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> probe.route(topic).isEmpty());
            assertThat(probe.clusterHasBroker(broker.address())).isFalse();
        }
    }

    @Test
    void brokerKilledWithoutGoodbyeIsDroppedWhenItsConnectionCloses() throws Exception {
        try (OfficialBroker broker = OfficialBroker.start("FerryCompat", "broker-b", namesrvAddr, tmp)) {
            broker.awaitRegistered(probe, Duration.ofSeconds(30));
            assertThat(probe.clusterHasBroker(broker.address())).isTrue();

            broker.kill();
            // far sooner than the 120 s expiry: the registering connection closed
            await().atMost(Duration.ofSeconds(5)).until(() -> !probe.clusterHasBroker(broker.address()));
            assertThat(probe.route("TBW102")).isEmpty();
        }
    }

    private void sendAll(String topic) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ferry-compat-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.start();
        try {
            for (int i = 0; i < MESSAGES; i++) {
                Message message =
                        new Message(topic, "TagA", "key-" + i, ("message-" + i).getBytes(StandardCharsets.UTF_8));
                SendResult result = producer.send(message);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        } finally {
            producer.shutdown();
        }
    }

    private Set<String> consumeAll(String topic) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ferry-compat-consumer");
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            deliveries.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == MESSAGES);
        } finally {
            consumer.shutdown();
        }
        assertThat(deliveries.get()).isGreaterThanOrEqualTo(MESSAGES);
        return received;
    }
}
