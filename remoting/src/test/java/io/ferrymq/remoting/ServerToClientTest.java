package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server sends requests of its own on the connection the client opened. */
@Timeout(30)
class ServerToClientTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicReference<RemoteChannel> clientChannel = new AtomicReference<>();
    private RemotingServer server;
    private RemotingClient client;
    private String addr;

    @BeforeEach
    void start() throws Exception {
        server = new RemotingServer(TestEndpoints.serverConfig());
        server.registerHandler(
                ECHO,
                (channel, request) -> {
                    clientChannel.set(channel);
                    return TestEndpoints.echo().handle(channel, request);
                },
                executor);
        server.start();
        client = new RemotingClient(TestEndpoints.clientConfig());
        addr = TestEndpoints.addr(server);
        client.invokeSync(addr, echoRequest("hello"), 3000);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void serverInvokesTheClientAndGetsItsHandlersResponse() throws Exception {
        client.registerHandler(
                RequestCode.CHECK_TRANSACTION_STATE,
                (channel, request) ->
                        RemotingCommand.successTo(request).putExtField("state", "COMMIT " + request.extField("tid")),
                executor);

        RemotingCommand check =
                RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE).putExtField("tid", "t-1");
        RemotingCommand response = clientChannel.get().invoke(check, 3000).get(5, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extField("state")).isEqualTo("COMMIT t-1");
    }

    @Test
    void serverOnewayReachesTheClient() throws Exception {
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        client.registerHandler(
                RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                (channel, request) -> {
                    received.add(request);
                    return null;
                },
                executor);

        clientChannel.get().invokeOneway(RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED));

        RemotingCommand request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.isOneway()).isTrue();
    }

    @Test
    void clientWithoutAHandlerAnswersNotSupported() throws Exception {
        RemotingCommand response = clientChannel
                .get()
                .invoke(RemotingCommand.request(TestEndpoints.UNKNOWN), 3000)
                .get(5, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }

    @Test
    void serverSeesTheClientAsHostAndPort() {
        String remote = clientChannel.get().remoteAddress();

        assertThat(remote).matches("127\\.0\\.0\\.1:\\d+");
        await().atMost(Duration.ofSeconds(1)).until(() -> clientChannel.get().isActive());
    }
}
