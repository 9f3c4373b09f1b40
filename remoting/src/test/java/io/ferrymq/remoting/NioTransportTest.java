package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.FrameLayout;
import io.ferrymq.remoting.internal.TransportKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java NIO transport, used when epoll is turned off or unavailable, works the same. */
@Timeout(30)
class NioTransportTest {
    @Test
    void roundTripOverNio() throws Exception {
        assertThat(TransportKind.choose(false)).isEqualTo(TransportKind.NIO);
        ServerConfig nioServer = new ServerConfig(
                "127.0.0.1", 0, 2, FrameLayout.MAX_FRAME_BYTES, 0, false, 1024 * 1024, 4 * 1024 * 1024);
        ClientConfig nioClient = new ClientConfig(1, 3000, FrameLayout.MAX_FRAME_BYTES, 0, false);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (RemotingServer server = new RemotingServer(nioServer);
                RemotingClient client = new RemotingClient(nioClient)) {
            server.registerHandler(ECHO, TestEndpoints.echo(), executor);
            server.start();

            assertThat(client.invokeSync(TestEndpoints.addr(server), echoRequest("nio"), 3000)
                            .extField("value"))
                    .isEqualTo("nio");
        } finally {
            executor.shutdownNow();
        }
    }
}
