package io.ferrymq.broker.consume;

import static io.ferrymq.broker.consume.ConsumeFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QUERY_MESSAGE, VIEW_MESSAGE_BY_ID and the admin requests (topics, groups, stats). */
class QueryAndAdminTest {
    @TempDir
    Path dir;

    ConsumeFixture broker;

    @BeforeEach
    void setUp() throws Exception {
        broker = new ConsumeFixture(dir);
        broker.createTopic("T", 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
    }

    private RemotingCommand query(String key, boolean unique) throws Exception {
        RemotingCommand request = request(
                RequestCode.QUERY_MESSAGE,
                "topic",
                "T",
                "key",
                key,
                "maxNum",
                "16",
                "beginTimestamp",
                "0",
                "endTimestamp",
                Long.toString(Long.MAX_VALUE));
        if (unique) {
            request.putExtField("_UNIQUE_KEY_QUERY", "true");
        }
        return broker.call(request);
    }

    @Test
    void queryByKeyAndUniqueKey() throws Exception {
        broker.put("T", 0, "one", null, "order-1 order-2", "U1");
        broker.put("T", 1, "two", null, "order-2", "U2");

        RemotingCommand byKey = query("order-2", false);
        assertThat(byKey.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(byKey.body()))
                .extracting(Requests.Decoded::body)
                .containsExactlyInAnyOrder("one", "two");
        assertThat(byKey.extField("indexLastUpdatePhyoffset")).isNotNull();
        assertThat(byKey.extField("indexLastUpdateTimestamp")).isNotNull();

        RemotingCommand byUnique = query("U2", true);
        assertThat(Requests.records(byUnique.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("two");

        RemotingCommand none = query("nothing", false);
        assertThat(none.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(none.extField("indexLastUpdatePhyoffset")).isNotNull();
    }

    @Test
    void viewById() throws Exception {
        broker.put("T", 0, "first");
        AppendResult second = broker.put("T", 0, "second");
        RemotingCommand view = broker.call(request(
                RequestCode.VIEW_MESSAGE_BY_ID, "offset", Long.toString(second.physicalOffset()), "topic", "T"));
        assertThat(view.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(view.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("second");

        RemotingCommand missing = broker.call(
                request(RequestCode.VIEW_MESSAGE_BY_ID, "offset", Long.toString(second.physicalOffset() + 1)));
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void consumeAndTopicStats() throws Exception {
        for (int i = 0; i < 5; i++) {
            broker.put("T", 0, "m" + i);
        }
        broker.side.offsets().commit("cg", "T", 0, 2);
        RemotingCommand stats = broker.call(request(RequestCode.GET_CONSUME_STATS, "consumerGroup", "cg"));
        assertThat(stats.code()).isEqualTo(ResponseCode.SUCCESS);
        String body = Requests.text(stats.body());
        assertThat(body)
                .contains("{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:{\"brokerOffset\":5,"
                        + "\"consumerOffset\":2");
        assertThat(body).contains("\"consumeTps\":0.0");

        RemotingCommand topicStats = broker.call(request(RequestCode.GET_TOPIC_STATS_INFO, "topic", "T"));
        assertThat(Requests.text(topicStats.body()))
                .contains("\"queueId\":0,\"topic\":\"T\"}:{\"lastUpdateTimestamp\":")
                .contains("\"maxOffset\":5,\"minOffset\":0");
        assertThat(broker.call(request(RequestCode.GET_TOPIC_STATS_INFO, "topic", "Nope"))
                        .code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void topicsCreatedListedAndDeleted() throws Exception {
        RemotingCommand create = request(
                RequestCode.UPDATE_AND_CREATE_TOPIC,
                "topic",
                "New",
                "defaultTopic",
                "TBW102",
                "readQueueNums",
                "3",
                "writeQueueNums",
                "3",
                "perm",
                "6",
                "topicFilterType",
                "SINGLE_TAG",
                "attributes",
                "+queue.type=Normal");
        assertThat(broker.call(create).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(broker.topics.find("New")).get().satisfies(t -> {
            assertThat(t.readQueueNums()).isEqualTo(3);
            assertThat(t.attributes()).containsEntry("queue.type", "Normal");
        });
        create.putExtField("topic", "bad topic!");
        assertThat(broker.call(create).code()).isEqualTo(ResponseCode.INVALID_PARAMETER);

        var all = JSON.parseObject(broker.call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_CONFIG))
                .body());
        assertThat(all.getJSONObject("topicConfigTable").keySet()).contains("New", "T");
        assertThat(all.getJSONObject("dataVersion")).isNotNull();

        assertThat(broker.call(request(RequestCode.DELETE_TOPIC_IN_BROKER, "topic", "New"))
                        .code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(broker.topics.find("New")).isEmpty();
    }

    @Test
    void subscriptionGroupsCreatedListedAndDeleted() throws Exception {
        String config = "{\"groupName\":\"g1\",\"retryMaxTimes\":3,\"consumeBroadcastEnable\":false}";
        RemotingCommand create = RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP)
                .body(config.getBytes(StandardCharsets.UTF_8));
        assertThat(broker.call(create).code()).isEqualTo(ResponseCode.SUCCESS);
        var all = JSON.parseObject(broker.call(RemotingCommand.request(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG))
                .body());
        var g1 = all.getJSONObject("subscriptionGroupTable").getJSONObject("g1");
        assertThat(g1.getIntValue("retryMaxTimes")).isEqualTo(3);
        assertThat(g1.getBooleanValue("consumeEnable")).as("default").isTrue();
        assertThat(g1.getIntValue("retryQueueNums")).isEqualTo(1);

        broker.side.offsets().commit("g1", "T", 0, 4);
        assertThat(broker.call(request(RequestCode.DELETE_SUBSCRIPTIONGROUP, "groupName", "g1", "cleanOffset", "true"))
                        .code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(broker.side.subscriptionGroups().find("g1")).isEmpty();
        assertThat(broker.side.offsets().find("g1", "T", 0)).isEmpty();
    }

    @Test
    void connectionListsAndRuntimeInfo() throws Exception {
        broker.call(Requests.heartbeat("c1", "cg", "T", "TagA || TagB"));
        RemotingCommand consumers =
                broker.call(request(RequestCode.GET_CONSUMER_CONNECTION_LIST, "consumerGroup", "cg"));
        var body = JSON.parseObject(consumers.body());
        assertThat(body.getJSONArray("connectionSet").getJSONObject(0).getString("clientId"))
                .isEqualTo("c1");
        assertThat(body.getJSONObject("subscriptionTable").getJSONObject("T").getString("subString"))
                .isEqualTo("TagA || TagB");
        assertThat(body.getString("messageModel")).isEqualTo("CLUSTERING");
        assertThat(broker.call(request(RequestCode.GET_CONSUMER_CONNECTION_LIST, "consumerGroup", "none"))
                        .code())
                .isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE);
        RemotingCommand producers =
                broker.call(request(RequestCode.GET_PRODUCER_CONNECTION_LIST, "producerGroup", "pg1"));
        assertThat(JSON.parseObject(producers.body()).getJSONArray("connectionSet"))
                .hasSize(1);

        for (int i = 0; i < 3; i++) {
            broker.put("T", 0, "rt" + i, "TagA", null, null);
        }
        assertThat(broker.call(Requests.pull("cg", "T", 0, 0, 0, null)).code()).isEqualTo(ResponseCode.SUCCESS);

        var info = JSON.parseObject(broker.call(RemotingCommand.request(RequestCode.GET_BROKER_RUNTIME_INFO))
                .body());
        var table = info.getJSONObject("table");
        assertThat(table.getString("brokerVersion")).isEqualTo("475");
        assertThat(table.getString("consumerGroupsOnline")).isEqualTo("1");
        assertThat(table.getString("msgPutTotalTodayNow"))
                .as("stored since start")
                .isEqualTo("3");
        assertThat(table.getString("msgGetTotalTodayNow"))
                .as("handed to consumers")
                .isEqualTo("3");
        // the keys and formats mqadmin clusterList parses (Apache spells it getTransferedTps)
        assertThat(table.getString("putTps")).matches("\\d+\\.\\d{2} \\d+\\.\\d{2} \\d+\\.\\d{2}");
        assertThat(table.getString("getTransferedTps")).matches("\\d+\\.\\d{2} \\d+\\.\\d{2} \\d+\\.\\d{2}");
        assertThat(table.getString("commitLogDiskRatio"))
                .as("the fixture's disk probe")
                .isEqualTo("0.1000");
        assertThat(Long.parseLong(table.getString("earliestMessageTimeStamp")))
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    }
}
