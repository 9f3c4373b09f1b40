package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, close, listeners and idle connections. */
@Timeout(30)
class ConnectionLifecycleTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void listenersOnBothEndsSeeConnectAndClose() throws Exception {
        Events serverEvents = new Events();
        Events clientEvents = new Events();
        try (RemotingServer server = new RemotingServer(TestEndpoints.serverConfig());
                RemotingClient client = new RemotingClient(TestEndpoints.clientConfig())) {
            server.registerHandler(ECHO, TestEndpoints.echo(), executor);
            server.addChannelListener(serverEvents);
            server.start();
            client.addChannelListener(clientEvents);
            String addr = TestEndpoints.addr(server);

            client.invokeSync(addr, echoRequest("x"), 3000);
            await().atMost(Duration.ofSeconds(5)).until(() -> serverEvents.list.contains("connected"));
            client.closeChannel(addr);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(serverEvents.list).containsExactly("connected", "closed"));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(clientEvents.list).containsExactly("connected", "closed"));
            assertThat(clientEvents.peers).allMatch(addr::equals);
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        Events serverEvents = new Events();
        try (RemotingServer server =
                        new RemotingServer(TestEndpoints.serverConfig().withIdleTimeoutSeconds(1));
                RemotingClient client = new RemotingClient(TestEndpoints.clientConfig())) {
            server.registerHandler(ECHO, TestEndpoints.echo(), executor);
            server.addChannelListener(serverEvents);
            server.start();

            client.invokeSync(TestEndpoints.addr(server), echoRequest("x"), 3000);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(serverEvents.list).containsExactly("connected", "idle", "closed"));
        }
    }

    @Test
    void takenPortFailsStartWithAClearMessage() {
        try (RemotingServer first = TestEndpoints.start(TestEndpoints.serverConfig())) {
            RemotingServer second = new RemotingServer(ServerConfig.of("127.0.0.1", first.port()));

            assertThatThrownBy(second::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
            second.close();
        }
    }

    @Test
    void closeIsIdempotentAndStopsAccepting() {
        RemotingServer server = TestEndpoints.start(TestEndpoints.serverConfig());
        int port = server.port();

        server.close();
        server.close();

        try (RemotingClient client = new RemotingClient(TestEndpoints.clientConfig())) {
            assertThatThrownBy(() -> client.invokeSync("127.0.0.1:" + port, echoRequest("x"), 2000))
                    .isInstanceOf(RemotingException.class);
        }
    }

    /** Records listener calls in order. */
    private static final class Events implements ChannelListener {
        final List<String> list = new CopyOnWriteArrayList<>();
        final List<String> peers = new CopyOnWriteArrayList<>();

        @Override
        public void onConnected(RemoteChannel channel) {
            peers.add(channel.remoteAddress());
            list.add("connected");
        }

        @Override
        public void onClosed(RemoteChannel channel) {
            peers.add(channel.remoteAddress());
            list.add("closed");
        }

        @Override
        public void onIdle(RemoteChannel channel) {
            list.add("idle");
        }
    }
}
