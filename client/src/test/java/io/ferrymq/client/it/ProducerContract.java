package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.Message;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.Producer;
import io.ferrymq.client.SendResult;
import io.ferrymq.client.SendStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Sync, async, oneway, batch and keyed sends, and auto-creating a topic through TBW102. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProducerContract {
    Path tmp;

    ClusterFixture cluster;
    Producer producer;

    /** Starts the cluster these tests run against. */
    abstract ClusterFixture startCluster(Path dir) throws Exception;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        tmp = dir;
        cluster = startCluster(tmp);
        producer = Producer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup("it-producer")
                .sendTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void syncSendToANewTopicAutoCreatesItThroughTheTemplate() {
        SendResult result = producer.send(Message.builder()
                .topic("ProducerItNew")
                .tags("A")
                .keys("k-1")
                .body("hello".getBytes(UTF_8))
                .build());

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.msgId()).hasSize(32);
        assertThat(result.offsetMsgId()).hasSize(32);
        assertThat(result.queue().brokerName()).isEqualTo(cluster.brokerName());
        assertThat(result.queue().queueId()).isBetween(0, 3);
    }

    @Test
    void asyncSendsComplete() throws Exception {
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(producer.sendAsync(Message.of("ProducerItAsync", ("m" + i).getBytes(UTF_8))));
        }
        for (CompletableFuture<SendResult> future : futures) {
            assertThat(future.get(10, TimeUnit.SECONDS).status()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    @Test
    void onewaySendsDoNotThrow() {
        producer.send(Message.of("ProducerItOneway", "first".getBytes(UTF_8)));
        for (int i = 0; i < 20; i++) {
            producer.sendOneway(Message.of("ProducerItOneway", ("m" + i).getBytes(UTF_8)));
        }
    }

    @Test
    void batchLandsInOneQueueWithConsecutiveOffsets() {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(Message.builder()
                    .topic("ProducerItBatch")
                    .keys("b-" + i)
                    .body(("b" + i).getBytes(UTF_8))
                    .build());
        }
        SendResult first = producer.send(batch);
        SendResult second = producer.send(List.of(Message.of("ProducerItBatch", "x".getBytes(UTF_8))));

        assertThat(first.msgId().split(",")).hasSize(10);
        assertThat(first.offsetMsgId().split(",")).hasSize(10);
        assertThat(second.status()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void shardingKeyKeepsOneQueue() {
        MessageQueue queue = null;
        for (int i = 0; i < 10; i++) {
            SendResult result = producer.send(Message.of("ProducerItKeyed", ("m" + i).getBytes(UTF_8)), "order-7");
            if (queue == null) {
                queue = result.queue();
            }
            assertThat(result.queue()).isEqualTo(queue);
        }
    }

    @Test
    void oversizedBodyIsRefusedBeforeSending() {
        Message big = Message.of("ProducerItBig", new byte[4 * 1024 * 1024 + 1]);
        assertThatThrownBy(() -> producer.send(big))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("over the limit");
    }
}
