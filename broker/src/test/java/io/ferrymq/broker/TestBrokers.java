package io.ferrymq.broker;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Configs and requests for broker tests: loopback, an ephemeral port, small segments. */
final class TestBrokers {
    private TestBrokers() {}

    /** A loopback broker config over {@code store}, with {@code overrides} as key, value pairs. */
    static BrokerConfig config(Path store, String... overrides) {
        Properties properties = new Properties();
        properties.setProperty("listenPort", "0");
        properties.setProperty("bindAddress", "127.0.0.1");
        properties.setProperty("brokerIP1", "127.0.0.1");
        properties.setProperty("storePathRootDir", store.toString());
        properties.setProperty("mappedFileSizeCommitLog", Integer.toString(1024 * 1024));
        properties.setProperty("mappedFileSizeConsumeQueue", Integer.toString(20 * 1000));
        properties.setProperty("sendMessageThreadPoolNums", "2");
        properties.setProperty("pullMessageThreadPoolNums", "2");
        properties.setProperty("queryMessageThreadPoolNums", "1");
        properties.setProperty("adminBrokerThreadPoolNums", "1");
        properties.setProperty("clientManageThreadPoolNums", "1");
        properties.setProperty("consumerManageThreadPoolNums", "1");
        for (int i = 0; i < overrides.length; i += 2) {
            properties.setProperty(overrides[i], overrides[i + 1]);
        }
        return BrokerConfig.fromProperties(properties, Map.of());
    }

    static RemotingClient client() {
        return new RemotingClient(ClientConfig.defaults());
    }

    /** A SEND_MESSAGE_V2 header for {@code topic}, queue {@code queueId}, with the given properties. */
    static SendMessageRequestHeader header(String topic, int queueId, String properties) {
        return new SendMessageRequestHeader(
                "pg", topic, "TBW102", 4, queueId, 0, 1_700_000_000_000L, 0, properties, 0, false, null, false, null);
    }

    static RemotingCommand sendV2(SendMessageRequestHeader header, byte[] body) {
        Map<String, String> fields = new HashMap<>();
        SendHeaderCodec.encodeV2(header, fields);
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2)
                .extFields(fields)
                .body(body);
    }

    static RemotingCommand sendV1(SendMessageRequestHeader header, byte[] body) {
        Map<String, String> fields = new HashMap<>();
        SendHeaderCodec.encodeV1(header, fields);
        return RemotingCommand.request(RequestCode.SEND_MESSAGE)
                .extFields(fields)
                .body(body);
    }

    static String props(String... pairs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            text.append(pairs[i]).append('\u0001').append(pairs[i + 1]).append('\u0002');
        }
        return text.toString();
    }
}
