package io.ferrymq.broker;

import static io.ferrymq.broker.TestBrokers.header;
import static io.ferrymq.broker.TestBrokers.sendV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart on the same store, SYNC_FLUSH acknowledgement, and auto-create off. */
class BrokerLifecycleTest {
    @TempDir
    Path store;

    private static RemotingCommand send(RemotingClient client, Broker broker, String topic, String body)
            throws Exception {
        return client.invokeSync(
                "127.0.0.1:" + broker.port(),
                sendV2(header(topic, 0, null), body.getBytes(StandardCharsets.UTF_8)),
                5000);
    }

    @Test
    void aRestartedBrokerKeepsTopicsMessagesAndOffsets() throws Exception {
        long firstOffset;
        try (RemotingClient client = TestBrokers.client()) {
            try (Broker broker = Broker.start(TestBrokers.config(store))) {
                broker.topics().put(TopicConfig.of("kept", 2, 2, 6));
                send(client, broker, "auto", "a0");
                RemotingCommand response = send(client, broker, "auto", "a1");
                assertThat(response.extField("queueOffset")).isEqualTo("1");
                firstOffset = MessageIds.decodeOffsetMessageId(response.extField("msgId"))
                        .physicalOffset();
            }
            assertThat(store.resolve("abort")).doesNotExist();
            try (Broker broker = Broker.start(TestBrokers.config(store))) {
                assertThat(broker.topics().find("kept")).isPresent();
                assertThat(broker.topics().find("auto")).isPresent();
                await().until(() -> broker.store().byPhysicalOffset(firstOffset) != null);
                ByteBuffer bytes = broker.store().byPhysicalOffset(firstOffset);
                StoredRecord record = new StoredRecord().wrap(bytes, bytes.position());
                assertThat(StandardCharsets.UTF_8.decode(record.bodySlice()).toString())
                        .isEqualTo("a1");
                RemotingCommand next = send(client, broker, "auto", "a2");
                assertThat(next.code()).isEqualTo(ResponseCode.SUCCESS);
                assertThat(next.extField("queueOffset")).isEqualTo("2");
            }
        }
    }

    @Test
    void underSyncFlushTheAnswerComesAfterTheFlush() throws Exception {
        try (RemotingClient client = TestBrokers.client();
                Broker broker = Broker.start(TestBrokers.config(store, "flushDiskType", "SYNC_FLUSH"))) {
            for (int i = 0; i < 5; i++) {
                RemotingCommand response = send(client, broker, "durable", "m" + i);
                assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
                long offset = MessageIds.decodeOffsetMessageId(response.extField("msgId"))
                        .physicalOffset();
                assertThat(broker.store().commitLog().flushedOffset()).isGreaterThan(offset);
            }
        }
    }

    @Test
    void withoutAutoCreateAnUnknownTopicIsRefused() throws Exception {
        try (RemotingClient client = TestBrokers.client();
                Broker broker = Broker.start(TestBrokers.config(store, "autoCreateTopicEnable", "false"))) {
            RemotingCommand response = send(client, broker, "unknown", "x");
            assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
            assertThat(response.remark()).isEqualTo("topic[unknown] not exist, apply first please!");
            broker.topics().put(TopicConfig.of("unknown", 1, 1, 6));
            assertThat(send(client, broker, "unknown", "x").code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void aReadOnlyBrokerRefusesSends() throws Exception {
        try (RemotingClient client = TestBrokers.client();
                Broker broker = Broker.start(TestBrokers.config(store, "brokerPermission", "4"))) {
            RemotingCommand response = send(client, broker, "t", "x");
            assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(response.remark()).contains("brokerPermission");
        }
    }

    @Test
    void mainPrintsTheConfigAndRefusesUnknownKeys() throws Exception {
        Path conf = store.resolve("broker.conf");
        Files.writeString(conf, "brokerName=printed\nbrokerIP1=10.0.0.9\n");
        java.io.StringWriter out = new java.io.StringWriter();
        System.setProperty("ferrymq.log.dir", store.toString());
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = BrokerMain.execute(
                    new java.io.PrintWriter(out),
                    new java.io.PrintWriter(out),
                    "-c",
                    conf.toString(),
                    "-n",
                    "h:1",
                    "-p");
            assertThat(code).isZero();
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("brokerName=printed")
                .contains("brokerIP1=10.0.0.9")
                .contains("namesrvAddr=h:1");
        Files.writeString(conf, "brokerNme=typo\n");
        assertThat(BrokerMain.execute(
                        new java.io.PrintWriter(out), new java.io.PrintWriter(out), "-c", conf.toString()))
                .isEqualTo(1);
    }
}
