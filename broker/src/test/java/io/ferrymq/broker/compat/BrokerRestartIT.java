package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker stopped and started again on its store keeps its topics, messages and consumer offsets. */
class BrokerRestartIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path store;

    @Test
    void topicsMessagesAndOffsetsSurviveARestart() throws Exception {
        String topic = "RestartTopic";
        try (FerryCluster cluster = FerryCluster.start(store)) {
            send(cluster, topic, "before-", 60);
            Set<String> first = consume(cluster, "restart-group", topic, 60);
            assertThat(first).hasSize(60);

            cluster.stopBroker();
            assertThat(Files.exists(store.resolve("abort")))
                    .as("a clean stop removes the abort marker")
                    .isFalse();
            cluster.startBroker();

            assertThat(cluster.broker().topics().find(topic)).isPresent();
            Set<String> everything = consume(cluster, "restart-newcomer", topic, 60);
            assertThat(everything).as("every message is still stored").isEqualTo(first);
            send(cluster, topic, "after-", 10);
            Set<String> resumed = consume(cluster, "restart-group", topic, 10);
            assertThat(resumed)
                    .as("the group resumes from its committed offset")
                    .allMatch(b -> b.startsWith("after-"));
        }
    }

    private static void send(FerryCluster cluster, String topic, String prefix, int count) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("restart-producer-" + System.nanoTime());
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.start();
        try {
            for (int i = 0; i < count; i++) {
                Message message = new Message(topic, "TagA", (prefix + i).getBytes(StandardCharsets.UTF_8));
                assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        } finally {
            producer.shutdown();
        }
    }

    /** Consumes until {@code expected} distinct bodies arrived, then shuts down (persisting offsets). */
    private static Set<String> consume(FerryCluster cluster, String group, String topic, int expected)
            throws Exception {
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(PATIENCE).until(() -> bodies.size() >= expected);
        } finally {
            consumer.shutdown();
        }
        return bodies;
    }
}
