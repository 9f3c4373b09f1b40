package io.ferrymq.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneTest {
    private static RemotingCommand lookup() {
        return RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC).putExtField("topic", "TBW102");
    }

    @TempDir
    Path dir;

    @Test
    void theBrokerRegistersWithTheNameServerBesideIt() throws Exception {
        try (RemotingClient client = new RemotingClient(ClientConfig.defaults());
                Standalone standalone = Standalone.start(dir, 0, 0)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.invokeSync(standalone.nameServerAddress(), lookup(), 3000)
                                    .code()
                            == ResponseCode.SUCCESS);
            assertThat(standalone.broker().advertisedAddress()).startsWith("127.0.0.1:");
            assertThat(dir.resolve("store").resolve("commitlog")).isDirectory();
        }
    }
}
