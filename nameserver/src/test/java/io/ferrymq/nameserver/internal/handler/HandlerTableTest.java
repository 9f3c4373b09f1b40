package io.ferrymq.nameserver.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.nameserver.internal.FakeChannel;
import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.KVTable;
import io.ferrymq.protocol.route.RegisterBrokerBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every handler called directly, without a transport. */
class HandlerTableTest {
    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final LiveConfig config = new LiveConfig(NameServerConfig.defaults());
    private final RouteRegistry registry = new RouteRegistry(clock);
    private final KvConfigStore kv = new KvConfigStore();
    private final HandlerTable table = new HandlerTable(registry, kv, config, clock);
    private final FakeChannel channel = new FakeChannel("127.0.0.1:40000");

    private RemotingCommand call(RemotingCommand request) throws Exception {
        return table.handler(request.code()).handle(channel, request);
    }

    private static RemotingCommand request(int code, String... keyValues) {
        RemotingCommand request = RemotingCommand.request(code);
        for (int i = 0; i < keyValues.length; i += 2) {
            request.putExtField(keyValues[i], keyValues[i + 1]);
        }
        return request;
    }

    @Test
    void routeBodyEqualsTheCapturedRouteWithQuotedBrokerIds() throws Exception {
        assertThat(call(Capture.registerFull("broker-a", Capture.BROKER_ADDR)).code())
                .isZero();
        assertThat(call(Capture.registerRequest(
                                "broker-a", Capture.BROKER_ADDR, 0, Capture.utf8(Capture.INCREMENT_BODY)))
                        .code())
                .isZero();

        RemotingCommand response = call(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", "TopicTest"));

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(JSON.parseObject(body)).isEqualTo(JSON.parseObject(Capture.TOPIC_TEST_ROUTE));
        assertThat(body).contains("\"brokerAddrs\":{\"0\":\"127.0.0.2:20911\"}").doesNotContain("orderTopicConf");
    }

    @Test
    void clusterInfoHasTheCapturedShapeWithQuotedIds() throws Exception {
        call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));

        RemotingCommand response = call(request(RequestCode.GET_BROKER_CLUSTER_INFO));

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(JSON.parseObject(body)).isEqualTo(JSON.parseObject(Capture.CLUSTER_INFO));
        assertThat(body).contains("{\"0\":\"127.0.0.2:20911\"}");
    }

    @Test
    void unknownTopicAnswersTopicNotExistWithApachesRemark() throws Exception {
        RemotingCommand response = call(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", "X"));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).isEqualTo("No topic route info in name server for the topic: X");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void firstSingleTopicRegistrationFailsAndCrcMismatchIsRefused() throws Exception {
        RemotingCommand single =
                call(Capture.registerRequest("broker-a", Capture.BROKER_ADDR, 0, Capture.utf8(Capture.INCREMENT_BODY)));
        RemotingCommand badCrc =
                call(Capture.registerFull("broker-a", Capture.BROKER_ADDR).putExtField("bodyCrc32", "12345"));

        assertThat(single.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(single.remark()).isEqualTo("register broker failed");
        assertThat(badCrc.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(badCrc.remark()).isEqualTo("crc32 not match");
        assertThat(registry.liveBrokers()).isEmpty();
    }

    @Test
    void compressedRegistrationIsDecoded() throws Exception {
        byte[] body = RegisterBrokerBodyCodec.encode(Capture.fullBody(0), true);
        RemotingCommand request = Capture.registerRequest("broker-a", Capture.BROKER_ADDR, 0, body)
                .putExtField("compressed", "true");

        assertThat(call(request).code()).isZero();
        assertThat(registry.route("TBW102").queueDatas().get(0).perm()).isEqualTo(7);
    }

    @Test
    void masterResponseHasEmptyExtFieldsAndSlaveGetsItsMaster() throws Exception {
        RemotingCommand master = call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));
        RemotingCommand slave = call(
                Capture.registerRequest("broker-a", "127.0.0.3:20911", 1, JsonBodyCodec.encode(Capture.fullBody(0))));

        assertThat(master.extFields()).isEmpty();
        assertThat(master.body()).isEmpty();
        assertThat(slave.extFields())
                .isEqualTo(Map.of("masterAddr", Capture.BROKER_ADDR, "haServerAddr", "192.0.2.2:20912"));
    }

    @Test
    void registrationReturnsTheOrderTopicKvTableAndRoutesCarryOrderConfWhenEnabled() throws Exception {
        call(request(
                RequestCode.PUT_KV_CONFIG, "namespace", "ORDER_TOPIC_CONFIG", "key", "TBW102", "value", "broker-a:8"));

        RemotingCommand register = call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));
        RemotingCommand plainRoute = call(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", "TBW102"));
        config.update(props("orderMessageEnable", "true"));
        RemotingCommand orderRoute = call(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", "TBW102"));

        assertThat(JsonBodyCodec.decode(register.body(), KVTable.class).table())
                .isEqualTo(Map.of("TBW102", "broker-a:8"));
        assertThat(JsonBodyCodec.decode(plainRoute.body(), TopicRouteData.class).orderTopicConf())
                .isNull();
        assertThat(JsonBodyCodec.decode(orderRoute.body(), TopicRouteData.class).orderTopicConf())
                .isEqualTo("broker-a:8");
    }

    @Test
    void kvConfigPutGetListDelete() throws Exception {
        call(request(RequestCode.PUT_KV_CONFIG, "namespace", "ns", "key", "k", "value", "v"));

        RemotingCommand got = call(request(RequestCode.GET_KV_CONFIG, "namespace", "ns", "key", "k"));
        RemotingCommand list = call(request(RequestCode.GET_KVLIST_BY_NAMESPACE, "namespace", "ns"));
        call(request(RequestCode.DELETE_KV_CONFIG, "namespace", "ns", "key", "k"));
        RemotingCommand missing = call(request(RequestCode.GET_KV_CONFIG, "namespace", "ns", "key", "k"));

        assertThat(got.extField("value")).isEqualTo("v");
        assertThat(new String(list.body(), StandardCharsets.UTF_8)).isEqualTo("{\"table\":{\"k\":\"v\"}}");
        assertThat(missing.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(missing.remark()).isEqualTo("No config item, Namespace: ns Key: k");
    }

    @Test
    void topicListsAndWritePermCounts() throws Exception {
        call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));

        RemotingCommand all = call(request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
        RemotingCommand byCluster = call(request(RequestCode.GET_TOPICS_BY_CLUSTER, "cluster", "DefaultCluster"));
        RemotingCommand system = call(request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS));
        RemotingCommand wipe = call(request(RequestCode.WIPE_WRITE_PERM_OF_BROKER, "brokerName", "broker-a"));
        RemotingCommand add = call(request(RequestCode.ADD_WRITE_PERM_OF_BROKER, "brokerName", "broker-a"));

        assertThat(JSON.parseObject(all.body()).getJSONArray("topicList"))
                .hasSize(8)
                .contains("TBW102");
        assertThat(JSON.parseObject(byCluster.body()).getJSONArray("topicList")).hasSize(8);
        assertThat(JSON.parseObject(system.body()).getJSONArray("topicList"))
                .containsExactly("DefaultCluster", "broker-a");
        assertThat(JSON.parseObject(system.body()).getString("brokerAddr")).isEqualTo(Capture.BROKER_ADDR);
        assertThat(wipe.extField("wipeTopicCount")).isEqualTo("8");
        assertThat(add.extField("addTopicCount")).isEqualTo("8");
    }

    @Test
    void deleteAndRegisterTopic() throws Exception {
        call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));

        call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, "topic", "BenchmarkTest"));
        String routeBody = "{\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":2,"
                + "\"topicSysFlag\":0,\"writeQueueNums\":2}],\"brokerDatas\":[]}";
        call(request(RequestCode.REGISTER_TOPIC_IN_NAMESRV, "topic", "Added").body(Capture.utf8(routeBody)));

        assertThat(registry.route("BenchmarkTest")).isNull();
        assertThat(registry.route("Added").queueDatas().get(0).readQueueNums()).isEqualTo(2);
    }

    @Test
    void queryDataVersionHeartbeatAndMemberGroup() throws Exception {
        call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));
        String[] who = {
            "brokerName",
            "broker-a",
            "brokerAddr",
            Capture.BROKER_ADDR,
            "clusterName",
            "DefaultCluster",
            "brokerId",
            "0"
        };

        RemotingCommand same = call(request(RequestCode.QUERY_DATA_VERSION, who)
                .body(JsonBodyCodec.encode(new DataVersion(0, 1795228102657L, 0))));
        RemotingCommand changed = call(request(RequestCode.QUERY_DATA_VERSION, who)
                .body(JsonBodyCodec.encode(new DataVersion(0, 1795228102657L, 1))));
        RemotingCommand heartbeat = call(request(RequestCode.BROKER_HEARTBEAT, who));
        RemotingCommand members = call(request(
                RequestCode.GET_BROKER_MEMBER_GROUP, "clusterName", "DefaultCluster", "brokerName", "broker-a"));

        assertThat(same.extField("changed")).isEqualTo("false");
        assertThat(changed.extField("changed")).isEqualTo("true");
        assertThat(JsonBodyCodec.decode(changed.body(), DataVersion.class).counter())
                .isZero();
        assertThat(heartbeat.code()).isZero();
        assertThat(new String(members.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"brokerMemberGroup\":{\"brokerAddrs\":{\"0\":\"127.0.0.2:20911\"},"
                        + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}}");
    }

    @Test
    void namesrvConfigGetAndRuntimeUpdate() throws Exception {
        RemotingCommand got = call(request(RequestCode.GET_NAMESRV_CONFIG));
        RemotingCommand ok =
                call(request(RequestCode.UPDATE_NAMESRV_CONFIG).body(Capture.utf8("orderMessageEnable=true\n")));
        RemotingCommand refused =
                call(request(RequestCode.UPDATE_NAMESRV_CONFIG).body(Capture.utf8("listenPort=1\n")));

        assertThat(new String(got.body(), StandardCharsets.UTF_8))
                .contains("listenPort=9876\n", "orderMessageEnable=false\n");
        assertThat(ok.code()).isZero();
        assertThat(config.current().orderMessageEnable()).isTrue();
        assertThat(refused.code()).isEqualTo(ResponseCode.INVALID_PARAMETER);
        assertThat(refused.remark()).contains("cannot change", "listenPort");
        assertThat(config.current().listenPort()).isEqualTo(9876);
    }

    @Test
    void unregisterMakesTheRouteDisappear() throws Exception {
        call(Capture.registerFull("broker-a", Capture.BROKER_ADDR));

        call(request(
                RequestCode.UNREGISTER_BROKER,
                "brokerName",
                "broker-a",
                "brokerAddr",
                Capture.BROKER_ADDR,
                "clusterName",
                "DefaultCluster",
                "brokerId",
                "0"));

        assertThat(call(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, "topic", "TBW102"))
                        .code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    private static java.util.Properties props(String key, String value) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
