package io.ferrymq.broker;

import static io.ferrymq.broker.TestBrokers.header;
import static io.ferrymq.broker.TestBrokers.props;
import static io.ferrymq.broker.TestBrokers.sendV1;
import static io.ferrymq.broker.TestBrokers.sendV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.message.BatchBodyCodec;
import io.ferrymq.protocol.message.BatchEntry;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.OffsetMessageId;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.scheduler.TimerTopic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendHandlersTest {
    @TempDir
    Path store;

    private Broker broker;
    private RemotingClient client;
    private String addr;

    @BeforeEach
    void start() throws Exception {
        broker = Broker.start(TestBrokers.config(store, "maxMessageSize", "1024"));
        client = TestBrokers.client();
        addr = "127.0.0.1:" + broker.port();
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
    }

    private RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(addr, request, 5000);
    }

    @Test
    void v2SendIsStoredAndAnsweredWithDecodableIds() throws Exception {
        String properties = props("UNIQ_KEY", "AC11000100002A9F0000000000000001", "TAGS", "TagA", "KEYS", "k1");
        RemotingCommand response =
                call(sendV2(header("orders", 1, properties), "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        Map<String, String> fields = response.extFields();
        assertThat(fields).containsEntry("queueId", "1").containsEntry("queueOffset", "0");
        assertThat(fields).containsEntry("transactionId", "AC11000100002A9F0000000000000001");
        assertThat(fields).containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON", "true");
        OffsetMessageId id = MessageIds.decodeOffsetMessageId(fields.get("msgId"));
        assertThat(id.storeHost().getAddress().getHostAddress() + ":"
                        + id.storeHost().getPort())
                .isEqualTo(broker.advertisedAddress());

        Map<String, String> stored = storedProperties(id.physicalOffset(), "orders", "hello");
        assertThat(stored)
                .containsEntry("UNIQ_KEY", "AC11000100002A9F0000000000000001")
                .containsEntry("TAGS", "TagA")
                .containsEntry("CLUSTER", "DefaultCluster")
                .containsEntry("MSG_REGION", "DefaultRegion")
                .containsEntry("TRACE_ON", "true");
    }

    @Test
    void v1SendGetsAUniqueKeyWhenItHasNone() throws Exception {
        RemotingCommand response = call(sendV1(header("orders", 0, null), "v1".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        long offset =
                MessageIds.decodeOffsetMessageId(response.extField("msgId")).physicalOffset();
        Map<String, String> stored = storedProperties(offset, "orders", "v1");
        assertThat(stored.get("UNIQ_KEY")).hasSize(32).isEqualTo(response.extField("transactionId"));

        RemotingCommand second = call(sendV1(header("orders", 0, null), "v1".getBytes(StandardCharsets.UTF_8)));
        assertThat(second.extField("queueOffset")).isEqualTo("1");
    }

    @Test
    void batchIsStoredWithConsecutiveOffsetsAndOneIdPerMessage() throws Exception {
        List<BatchEntry> entries = List.of(
                BatchEntry.of(0, bytes("m0"), MessageProperties.encode(Map.of("UNIQ_KEY", "K0"))),
                BatchEntry.of(0, bytes("m1"), MessageProperties.encode(Map.of("TAGS", "t"))),
                BatchEntry.of(0, bytes("m2"), new byte[0]));
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                "pg",
                "batched",
                "TBW102",
                4,
                2,
                0,
                1L,
                0,
                props("UNIQ_KEY", "BATCH", "WAIT", "true"),
                0,
                false,
                null,
                true,
                null);
        Map<String, String> fields = new HashMap<>();
        SendHeaderCodec.encodeV2(header, fields);
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE)
                .extFields(fields)
                .body(BatchBodyCodec.encode(entries));

        RemotingCommand response = call(request);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields())
                .containsEntry("queueId", "2")
                .containsEntry("queueOffset", "0")
                .containsEntry("transactionId", "BATCH")
                .containsKey("MSG_REGION");
        String[] ids = response.extField("msgId").split(",");
        assertThat(ids).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long offset = MessageIds.decodeOffsetMessageId(ids[i]).physicalOffset();
            Map<String, String> stored = storedProperties(offset, "batched", "m" + i);
            assertThat(stored).containsKey("UNIQ_KEY").containsEntry("CLUSTER", "DefaultCluster");
            assertThat(record(offset).queueOffset()).isEqualTo(i);
        }
        assertThat(storedProperties(MessageIds.decodeOffsetMessageId(ids[0]).physicalOffset(), "batched", "m0"))
                .containsEntry("UNIQ_KEY", "K0");
    }

    @Test
    void negativeQueueIdPicksARandomQueue() throws Exception {
        RemotingCommand response = call(sendV2(header("anyq", -1, null), bytes("x")));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Integer.parseInt(response.extField("queueId"))).isBetween(0, 3);
    }

    @Test
    void badInputsGetClearErrorsAndTheConnectionStaysUsable() throws Exception {
        expect(sendV2(header("bad topic", 0, null), bytes("x")), ResponseCode.MESSAGE_ILLEGAL, "illegal characters");
        expect(sendV2(header("SCHEDULE_TOPIC_XXXX", 0, null), bytes("x")), ResponseCode.NO_PERMISSION, "forbidden");
        expect(sendV2(header("SELF_TEST_TOPIC", 0, null), bytes("x")), ResponseCode.NO_PERMISSION, "forbidden");
        expect(sendV2(header("big", 0, null), new byte[1025]), ResponseCode.MESSAGE_ILLEGAL, "maxMessageSize");
        call(sendV2(header("fourq", 0, null), bytes("create")));
        expect(sendV2(header("fourq", 4, null), bytes("x")), ResponseCode.INVALID_PARAMETER, "queueId[4] is illegal");
        RemotingCommand missing = sendV2(header("fourq", 0, null), bytes("x"));
        missing.extFields().remove("b");
        expect(missing, ResponseCode.INVALID_PARAMETER, "'b'");
        expect(RemotingCommand.request(999), ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "999");
        expect(sendV2(header("fourq", 0, props("DELAY", "three")), bytes("x")), ResponseCode.MESSAGE_ILLEGAL, "DELAY");
        expect(
                sendV2(header("fourq", 0, props("TIMER_DELAY_SEC", "40000000")), bytes("x")),
                ResponseCode.MESSAGE_ILLEGAL,
                "timerMaxDelaySec");
        expect(
                sendV2(header("fourq", 0, props("TIMER_DELAY_MS", "-5")), bytes("x")),
                ResponseCode.MESSAGE_ILLEGAL,
                "TIMER_DELAY_MS");
        expect(sendV2(header(TimerTopic.NAME, 0, null), bytes("x")), ResponseCode.NO_PERMISSION, "forbidden");
        RemotingCommand badBatch = sendV2(header("fourq", 0, null), new byte[] {0, 0, 0, 9});
        badBatch.code(RequestCode.SEND_BATCH_MESSAGE);
        expect(badBatch, ResponseCode.MESSAGE_ILLEGAL, "malformed batch");
        RemotingCommand delayedBatch = sendV2(
                header("fourq", 0, null),
                BatchBodyCodec.encode(
                        List.of(BatchEntry.of(0, bytes("x"), MessageProperties.encode(Map.of("DELAY", "2"))))));
        delayedBatch.code(RequestCode.SEND_BATCH_MESSAGE);
        expect(delayedBatch, ResponseCode.MESSAGE_ILLEGAL, "cannot carry delayed messages");
        RemotingCommand retryBatch = sendV2(header("%RETRY%g", 0, null), bytes("x"));
        retryBatch.code(RequestCode.SEND_BATCH_MESSAGE);
        expect(retryBatch, ResponseCode.MESSAGE_ILLEGAL, "retry topic");

        RemotingCommand ok = call(sendV2(header("fourq", 3, null), bytes("fine")));
        assertThat(ok.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(ok.extField("queueId")).isEqualTo("3");
    }

    @Test
    void aDelayedSendIsParkedThenDeliveredToItsQueueWithItsIdAndWithoutDelayProperties() throws Exception {
        call(sendV2(header("later", 0, null), bytes("create")));
        RemotingCommand response =
                call(sendV2(header("later", 2, props("TIMER_DELAY_MS", "400", "KEYS", "k9")), bytes("soon")));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extField("queueId")).as("the queue sent to").isEqualTo("2");
        long parkedAt =
                MessageIds.decodeOffsetMessageId(response.extField("msgId")).physicalOffset();
        await().until(() -> broker.store().byPhysicalOffset(parkedAt) != null);
        StoredRecord parked = record(parkedAt);
        assertThat(parked.topic()).isEqualTo(TimerTopic.NAME);
        assertThat(parked.properties())
                .containsEntry("REAL_TOPIC", "later")
                .containsEntry("REAL_QID", "2")
                .containsKey("TIMER_OUT_MS")
                .doesNotContainKey("TIMER_DELAY_MS");
        assertThat(broker.store().maxOffset("later", 2))
                .as("not before its time")
                .isZero();

        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> broker.store().maxOffset("later", 2) == 1);
        ByteBuffer delivered = broker.store()
                .get("later", 2, 0, 1, 1 << 20, io.ferrymq.consumequeue.MessageFilter.all())
                .messages()
                .get(0);
        StoredRecord record = new StoredRecord().wrap(delivered, delivered.position());
        assertThat(record.storeTimestamp())
                .isGreaterThanOrEqualTo(Long.parseLong(parked.properties().get("TIMER_OUT_MS")));
        assertThat(record.properties())
                .containsEntry("UNIQ_KEY", response.extField("transactionId"))
                .containsEntry("KEYS", "k9")
                .doesNotContainKeys("TIMER_DELAY_MS", "TIMER_OUT_MS", "REAL_TOPIC", "REAL_QID");
    }

    @Test
    void aHalfMessageIsStoredInvisibleUnderTheHalfTopicUntilCommitted() throws Exception {
        call(sendV2(header("tx", 0, null), bytes("create")));
        RemotingCommand response =
                call(sendV2(header("tx", 1, props("TRAN_MSG", "true", "PGROUP", "pg")), bytes("half")));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extField("queueId")).isEqualTo("1");
        long halfOffset =
                MessageIds.decodeOffsetMessageId(response.extField("msgId")).physicalOffset();
        await().until(() -> broker.store().byPhysicalOffset(halfOffset) != null);
        StoredRecord half = record(halfOffset);
        assertThat(half.topic()).isEqualTo(io.ferrymq.transaction.HalfTopic.NAME);
        assertThat(half.properties()).containsEntry("REAL_TOPIC", "tx").containsEntry("REAL_QID", "1");
        assertThat(broker.store().maxOffset("tx", 1)).isZero();

        RemotingCommand end = RemotingCommand.request(RequestCode.END_TRANSACTION)
                .putExtField("producerGroup", "pg")
                .putExtField("tranStateTableOffset", response.extField("queueOffset"))
                .putExtField("commitLogOffset", Long.toString(halfOffset))
                .putExtField("commitOrRollback", "8")
                .putExtField("fromTransactionCheck", "false")
                .putExtField("msgId", response.extField("transactionId"));
        assertThat(call(end).code()).isEqualTo(ResponseCode.SUCCESS);
        await().until(() -> broker.store().maxOffset("tx", 1) == 1);
        assertThat(call(end).code()).as("a repeated commit changes nothing").isEqualTo(ResponseCode.SUCCESS);
        await().during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(broker.store().maxOffset("tx", 1)).isEqualTo(1));
    }

    @Test
    void aDelayAlreadyDueIsStoredOnItsTopicAtOnce() throws Exception {
        RemotingCommand response = call(sendV2(header("now", 1, props("TIMER_DELIVER_MS", "1000")), bytes("due")));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        long offset =
                MessageIds.decodeOffsetMessageId(response.extField("msgId")).physicalOffset();
        assertThat(storedProperties(offset, "now", "due")).doesNotContainKey("TIMER_DELIVER_MS");
    }

    private void expect(RemotingCommand request, int code, String remark) throws Exception {
        RemotingCommand response = call(request);
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
        assertThat(response.remark()).contains(remark);
    }

    private StoredRecord record(long physicalOffset) {
        ByteBuffer bytes = broker.store().byPhysicalOffset(physicalOffset);
        assertThat(bytes).as("record at %d", physicalOffset).isNotNull();
        return new StoredRecord().wrap(bytes, bytes.position());
    }

    private Map<String, String> storedProperties(long physicalOffset, String topic, String body) {
        await().until(() -> broker.store().byPhysicalOffset(physicalOffset) != null);
        StoredRecord record = record(physicalOffset);
        assertThat(record.topic()).isEqualTo(topic);
        assertThat(record.physicalOffset()).isEqualTo(physicalOffset);
        assertThat(StandardCharsets.UTF_8.decode(record.bodySlice()).toString()).isEqualTo(body);
        assertThat(record.bornHost().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        return record.properties();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
