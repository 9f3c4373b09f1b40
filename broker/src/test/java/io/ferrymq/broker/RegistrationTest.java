package io.ferrymq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.nameserver.NameServer;
import io.ferrymq.nameserver.NameServerConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.QueueData;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.RemotingClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker against a real in-JVM nameserver: what it registers, when, and its goodbye. */
class RegistrationTest {
    @TempDir
    Path store;

    private NameServer nameServer;
    private RemotingClient client;

    @BeforeEach
    void startNameServer() {
        nameServer = new NameServer(NameServerConfig.loopbackEphemeral());
        nameServer.start();
        client = TestBrokers.client();
    }

    @AfterEach
    void stop() {
        client.close();
        nameServer.stop();
    }

    private BrokerConfig config(String autoCreate) {
        return TestBrokers.config(
                store, "namesrvAddr", nameServer.address(), "autoCreateTopicEnable", autoCreate, "brokerName", "b1");
    }

    private RemotingCommand route(String topic) throws Exception {
        RemotingCommand request =
                RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", topic);
        return client.invokeSync(nameServer.address(), request, 3000);
    }

    private TopicRouteData routeData(String topic) throws Exception {
        RemotingCommand response = route(topic);
        assertThat(response.code()).as("route of %s: %s", topic, response).isEqualTo(ResponseCode.SUCCESS);
        return JsonBodyCodec.decode(response.body(), TopicRouteData.class);
    }

    @Test
    void systemTopicsAndTheTemplateAreRoutedToTheAdvertisedAddress() throws Exception {
        try (Broker broker = Broker.start(config("true"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> route("TBW102").code() == ResponseCode.SUCCESS);
            TopicRouteData tbw = routeData("TBW102");
            assertThat(tbw.queueDatas()).extracting(QueueData::perm).containsExactly(7);
            assertThat(tbw.brokerDatas().get(0).brokerAddrs().get(0L)).isEqualTo(broker.advertisedAddress());
            assertThat(routeData("DefaultCluster").queueDatas()).hasSize(1);
            assertThat(routeData("b1").queueDatas()).extracting(QueueData::perm).containsExactly(6);
        }
    }

    @Test
    void withoutAutoCreateTheTemplateIsNotAnnounced() throws Exception {
        try (Broker broker = Broker.start(config("false"))) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> route("SELF_TEST_TOPIC").code() == ResponseCode.SUCCESS);
            assertThat(route("TBW102").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        }
    }

    @Test
    void aNewTopicIsRegisteredAtOnceAndTheBrokerLeavesOnClose() throws Exception {
        Broker broker = Broker.start(config("true"));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> route("TBW102").code() == ResponseCode.SUCCESS);
            broker.topics().put(TopicConfig.of("orders", 3, 3, 6));
            await().atMost(Duration.ofSeconds(5)).until(() -> route("orders").code() == ResponseCode.SUCCESS);
            assertThat(routeData("orders").queueDatas().get(0).writeQueueNums()).isEqualTo(3);
        } finally {
            broker.close();
        }
        assertThat(route("orders").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(route("TBW102").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void aNameServerThatIsDownDoesNotStopTheBroker() throws Exception {
        BrokerConfig config = TestBrokers.config(
                store, "namesrvAddr", "127.0.0.1:1;" + nameServer.address(), "autoCreateTopicEnable", "true");
        try (Broker broker = Broker.start(config)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> route("TBW102").code() == ResponseCode.SUCCESS);
        }
    }
}
