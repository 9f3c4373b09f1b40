package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ClientException;
import io.ferrymq.client.Message;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.Producer;
import io.ferrymq.client.SendResult;
import io.ferrymq.protocol.route.ClusterInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Admin calls: cluster info, create/delete topic, route, offsets, look-up by key and by id, consume stats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminContract {
    Path tmp;

    ClusterFixture cluster;
    Admin admin;
    Producer producer;

    /** Starts the cluster these tests run against. */
    abstract ClusterFixture startCluster(Path dir) throws Exception;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        tmp = dir;
        cluster = startCluster(tmp);
        admin = Admin.builder().namesrvAddr(cluster.namesrvAddr()).build();
        producer = Producer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup("it-admin-producer")
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {producer, admin, cluster}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void clusterInfoListsTheBroker() {
        ClusterInfo info = admin.clusterInfo();
        assertThat(info.clusterAddrTable().get(cluster.clusterName())).contains(cluster.brokerName());
        assertThat(info.brokerAddrTable().get(cluster.brokerName()).masterAddr())
                .isEqualTo(cluster.brokerAddr());
    }

    @Test
    void clusterInfoMovesOnFromANameserverThatDoesNotAnswer() throws Exception {
        String silent;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            silent = "127.0.0.1:" + socket.getLocalPort();
        }
        try (Admin twoNameservers = Admin.builder()
                .namesrvAddr(silent + ";" + cluster.namesrvAddr())
                .build()) {
            ClusterInfo info = twoNameservers.clusterInfo();
            assertThat(info.clusterAddrTable().get(cluster.clusterName())).contains(cluster.brokerName());
        }
    }

    @Test
    void createdTopicHasItsQueuesAndDeletedTopicLosesItsRoute() {
        admin.createTopic(cluster.clusterName(), "AdminItCreated", 6);
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(() -> admin.queues("AdminItCreated").size() == 6);

        admin.deleteTopic(cluster.clusterName(), "AdminItCreated");
        assertThatThrownBy(() -> admin.topicRoute("AdminItCreated"))
                .isInstanceOf(ClientException.class)
                .extracting(e -> ((ClientException) e).responseCode())
                .isEqualTo(17);
    }

    @Test
    void offsetsLookUpsAndStats() {
        String topic = "AdminItOffsets";
        Instant before = Instant.now().minusSeconds(1);
        SendResult sent = null;
        for (int i = 0; i < 5; i++) {
            sent = producer.send(Message.of(topic, ("m" + i).getBytes(UTF_8)), (queues, m, arg) -> queues.get(0), null);
        }
        SendResult keyed = producer.send(Message.builder()
                .topic(topic)
                .keys("needle")
                .body("found me".getBytes(UTF_8))
                .build());
        MessageQueue queue = sent.queue();

        // an acknowledged send is in the commit log; the queue's index catches up a moment later
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.maxOffset(queue) >= 5);
        assertThat(admin.minOffset(queue)).isZero();
        assertThat(admin.searchOffset(queue, before)).isZero();

        MessageView byId = admin.viewMessage(keyed.offsetMsgId());
        assertThat(new String(byId.body(), UTF_8)).isEqualTo("found me");
        assertThat(byId.msgId()).isEqualTo(keyed.msgId());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !admin.queryMessageByKey(
                                topic, "needle", before, Instant.now().plusSeconds(60), 32)
                        .isEmpty());
        List<MessageView> byKey =
                admin.queryMessageByKey(topic, "needle", before, Instant.now().plusSeconds(60), 32);
        assertThat(byKey).extracting(MessageView::msgId).containsExactly(keyed.msgId());
    }
}
