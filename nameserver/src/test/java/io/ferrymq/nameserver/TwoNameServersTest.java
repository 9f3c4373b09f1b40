package io.ferrymq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.nameserver.internal.handler.Capture;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import org.junit.jupiter.api.Test;

/** Two nameservers in one JVM share no state: registries and KV config are per instance. */
class TwoNameServersTest {

    @Test
    void registrationAndKvConfigStayWithTheServerThatGotThem() throws Exception {
        try (NameServer first = new NameServer(NameServerConfig.loopbackEphemeral());
                NameServer second = new NameServer(NameServerConfig.loopbackEphemeral());
                RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
            first.start();
            second.start();
            String firstAddr = "127.0.0.1:" + first.port();
            String secondAddr = "127.0.0.1:" + second.port();
            assertThat(first.port()).isNotEqualTo(second.port());

            assertThat(client.invokeSync(firstAddr, Capture.registerFull("broker-a", Capture.BROKER_ADDR), 5000)
                            .code())
                    .isZero();
            RemotingCommand put = RemotingCommand.request(RequestCode.PUT_KV_CONFIG)
                    .putExtField("namespace", "ns")
                    .putExtField("key", "k")
                    .putExtField("value", "v");
            client.invokeSync(secondAddr, put, 5000);

            assertThat(client.invokeSync(firstAddr, route("TBW102"), 5000).code())
                    .isZero();
            assertThat(client.invokeSync(secondAddr, route("TBW102"), 5000).code())
                    .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
            assertThat(client.invokeSync(firstAddr, getKv(), 5000).code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
            assertThat(client.invokeSync(secondAddr, getKv(), 5000).extField("value"))
                    .isEqualTo("v");

            first.stop();
            assertThat(client.invokeSync(secondAddr, getKv(), 5000).code()).isZero();
        }
    }

    private static RemotingCommand route(String topic) {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", topic);
    }

    private static RemotingCommand getKv() {
        return RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                .putExtField("namespace", "ns")
                .putExtField("key", "k");
    }
}
