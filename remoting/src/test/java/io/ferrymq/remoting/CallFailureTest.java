package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.CUSTOM;
import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.RemotingCommand;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls that end without a response: timeouts, late responses, closed and unreachable peers. */
@Timeout(30)
class CallFailureTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<RemoteChannel> serverSide = new AtomicReference<>();
    private RemotingServer server;
    private RemotingClient client;
    private String addr;

    @BeforeEach
    void start() {
        server = new RemotingServer(TestEndpoints.serverConfig());
        server.registerHandler(ECHO, TestEndpoints.echo(), executor);
        server.registerHandler(
                CUSTOM,
                (channel, request) -> {
                    serverSide.set(channel);
                    release.await(20, TimeUnit.SECONDS);
                    return RemotingCommand.successTo(request).remark("late");
                },
                executor);
        server.start();
        client = new RemotingClient(TestEndpoints.clientConfig());
        addr = TestEndpoints.addr(server);
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void syncCallTimesOutAndTheLateResponseIsDropped() throws Exception {
        long startNs = System.nanoTime();
        assertThatThrownBy(() -> client.invokeSync(addr, RemotingCommand.request(CUSTOM), 200))
                .isInstanceOf(RemotingTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).isLessThan(2000);

        release.countDown(); // the handler now answers the expired call
        for (int i = 0; i < 20; i++) {
            RemotingCommand response = client.invokeSync(addr, echoRequest("n" + i), 3000);
            assertThat(response.remark()).isNull();
            assertThat(response.extField("value")).isEqualTo("n" + i);
        }
    }

    @Test
    void asyncCallTimesOut() {
        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, RemotingCommand.request(CUSTOM), 200);

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RemotingTimeoutException.class);
    }

    @Test
    void closedConnectionFailsPendingCallsAtOnce() throws Exception {
        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, RemotingCommand.request(CUSTOM), 20_000);
        org.awaitility.Awaitility.await().until(() -> serverSide.get() != null);

        serverSide.get().close();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isExactlyInstanceOf(RemotingException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closingTheClientFailsPendingCalls() {
        CompletableFuture<RemotingCommand> call = client.invokeAsync(addr, RemotingCommand.request(CUSTOM), 20_000);
        org.awaitility.Awaitility.await().until(() -> serverSide.get() != null);

        client.close();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isExactlyInstanceOf(RemotingException.class);
    }

    @Test
    void unreachableAddressFailsWithRemotingException() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        String nobody = "127.0.0.1:" + freePort;

        assertThatThrownBy(() -> client.invokeSync(nobody, echoRequest("x"), 2000))
                .isExactlyInstanceOf(RemotingException.class)
                .hasMessageContaining("cannot connect to " + nobody);
        assertThatThrownBy(
                        () -> client.invokeAsync(nobody, echoRequest("x"), 2000).get(5, TimeUnit.SECONDS))
                .hasCauseExactlyInstanceOf(RemotingException.class);
    }

    @Test
    void malformedAddressIsRejected() {
        assertThatThrownBy(() -> client.invokeSync("no-port", echoRequest("x"), 1000))
                .isExactlyInstanceOf(RemotingException.class)
                .hasMessageContaining("host:port");
    }
}
