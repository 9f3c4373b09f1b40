package io.ferrymq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.nameserver.internal.handler.Capture;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real nameserver on 127.0.0.1 driven over TCP by FerryMQ's remoting client. */
class NameServerTcpTest {
    private static final long TIMEOUT_MS = 5_000;

    private final ManualClock clock = ManualClock.startingAtFixedInstant();
    private final NameServer nameServer = new NameServer(config(), clock);
    private final RemotingClient client = new RemotingClient(ClientConfig.defaults());
    private final RemotingClient broker = new RemotingClient(ClientConfig.defaults());
    private String addr;

    private static NameServerConfig config() {
        Properties properties = NameServerConfig.loopbackEphemeral().toProperties();
        properties.setProperty("scanNotActiveBrokerInterval", "100");
        return NameServerConfig.fromProperties(properties);
    }

    private void start() {
        nameServer.start();
        addr = "127.0.0.1:" + nameServer.port();
    }

    @AfterEach
    void stop() {
        client.close();
        broker.close();
        nameServer.stop();
    }

    private RemotingCommand call(RemotingClient from, RemotingCommand request) throws Exception {
        return from.invokeSync(addr, request, TIMEOUT_MS);
    }

    private RemotingCommand route(String topic) throws Exception {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", topic);
        return call(client, request);
    }

    @Test
    void brokerLifecycleAsSeenByClients() throws Exception {
        start();
        assertThat(call(broker, Capture.registerFull("broker-a", Capture.BROKER_ADDR))
                        .code())
                .isZero();
        RemotingCommand increment =
                Capture.registerRequest("broker-a", Capture.BROKER_ADDR, 0, Capture.utf8(Capture.INCREMENT_BODY));
        assertThat(call(broker, increment).code()).isZero();

        RemotingCommand route = route("TopicTest");
        assertThat(route.code()).isZero();
        assertThat(JSON.parseObject(route.body())).isEqualTo(JSON.parseObject(Capture.TOPIC_TEST_ROUTE));

        RemotingCommand cluster = call(client, RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO));
        assertThat(JsonBodyCodec.decode(cluster.body(), ClusterInfo.class).clusterAddrTable())
                .containsOnlyKeys("DefaultCluster");

        RemotingCommand topics = call(client, RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER));
        assertThat(JSON.parseObject(topics.body()).getJSONArray("topicList")).contains("TopicTest", "TBW102");

        RemotingCommand unregister = RemotingCommand.request(RequestCode.UNREGISTER_BROKER)
                .putExtField("brokerName", "broker-a")
                .putExtField("brokerAddr", Capture.BROKER_ADDR)
                .putExtField("clusterName", "DefaultCluster")
                .putExtField("brokerId", "0");
        assertThat(call(broker, unregister).code()).isZero();

        RemotingCommand gone = route("TopicTest");
        assertThat(gone.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(gone.remark()).isEqualTo("No topic route info in name server for the topic: TopicTest");
    }

    @Test
    void kvConfigOverTcp() throws Exception {
        start();
        RemotingCommand put = RemotingCommand.request(RequestCode.PUT_KV_CONFIG)
                .putExtField("namespace", "ns")
                .putExtField("key", "k")
                .putExtField("value", "v");
        assertThat(call(client, put).code()).isZero();

        RemotingCommand get = RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                .putExtField("namespace", "ns")
                .putExtField("key", "k");
        assertThat(call(client, get).extField("value")).isEqualTo("v");

        RemotingCommand missing = RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                .putExtField("namespace", "ns")
                .putExtField("key", "nope");
        RemotingCommand answer = call(client, missing);
        assertThat(answer.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(answer.remark()).isEqualTo("No config item, Namespace: ns Key: nope");
    }

    @Test
    void closingTheBrokersConnectionDropsItAtOnce() throws Exception {
        start();
        call(broker, Capture.registerFull("broker-a", Capture.BROKER_ADDR));
        assertThat(route("TBW102").code()).isZero();

        broker.close();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(route("TBW102").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
    }

    @Test
    void silentBrokerExpiresWhenTheClockPassesItsTimeout() throws Exception {
        start();
        RemotingCommand register =
                Capture.registerFull("broker-a", Capture.BROKER_ADDR).putExtField("heartbeatTimeoutMillis", "30000");
        call(broker, register);

        clock.advanceMs(30_001);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(route("TBW102").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
    }

    @Test
    void unknownCodeIsNotSupportedAndMissingHeaderIsInvalid() throws Exception {
        start();
        assertThat(call(client, RemotingCommand.request(999)).code())
                .isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        RemotingCommand noTopic = call(client, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC));
        assertThat(noTopic.code()).isEqualTo(ResponseCode.INVALID_PARAMETER);
        assertThat(noTopic.remark()).contains("topic");
    }

    @Test
    void routeDecodesIntoTheSharedModel() throws Exception {
        start();
        call(broker, Capture.registerFull("broker-a", Capture.BROKER_ADDR));

        TopicRouteData route = JsonBodyCodec.decode(route("TBW102").body(), TopicRouteData.class);

        assertThat(route.brokerDatas().get(0).masterAddr()).isEqualTo(Capture.BROKER_ADDR);
        assertThat(route.queueDatas().get(0).perm()).isEqualTo(7);
        assertThat(new String(route("TBW102").body(), StandardCharsets.UTF_8)).contains("\"filterServerTable\":{}");
    }
}
