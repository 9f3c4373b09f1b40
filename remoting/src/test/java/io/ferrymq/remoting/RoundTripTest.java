package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.CUSTOM;
import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.UNKNOWN;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sync, async and oneway calls, and the error responses of the dispatcher. */
@Timeout(30)
class RoundTripTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private RemotingServer server;
    private RemotingClient client;
    private String addr;

    @BeforeEach
    void start() {
        server = new RemotingServer(TestEndpoints.serverConfig());
        server.registerHandler(ECHO, TestEndpoints.echo(), executor);
        server.start();
        client = new RemotingClient(TestEndpoints.clientConfig());
        addr = TestEndpoints.addr(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void syncCallGetsTheResponseToItsOwnRequest() throws Exception {
        RemotingCommand request = echoRequest("v1").body("body".getBytes(StandardCharsets.UTF_8));

        RemotingCommand response = client.invokeSync(addr, request, 3000);

        assertThat(response.isResponse()).isTrue();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.extField("value")).isEqualTo("v1");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @Test
    void asyncCallCompletesWithTheResponse() throws Exception {
        RemotingCommand response =
                client.invokeAsync(addr, echoRequest("v2"), 3000).get(5, TimeUnit.SECONDS);

        assertThat(response.extField("value")).isEqualTo("v2");
    }

    @Test
    void onewayIsDeliveredAndNeverAnswered() throws Exception {
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        server.registerHandler(
                CUSTOM,
                (channel, request) -> {
                    received.add(request);
                    return RemotingCommand.successTo(request); // must not be sent: the request is oneway
                },
                executor);

        client.invokeOneway(addr, RemotingCommand.request(CUSTOM).putExtField("k", "x"));

        RemotingCommand request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.isOneway()).isTrue();
        assertThat(request.extField("k")).isEqualTo("x");
    }

    @Test
    void onewayOverARawSocketGetsNoResponse() throws Exception {
        try (RawSocket socket = RawSocket.connect(server.port(), 5000)) {
            socket.send(echoRequest("ignored").opaque(7).markOneway());
            socket.send(echoRequest("answered").opaque(8));

            RemotingCommand first = socket.readCommand();

            assertThat(first.opaque()).isEqualTo(8);
            assertThat(first.extField("value")).isEqualTo("answered");
        }
    }

    @Test
    void unknownCodeIsNotSupportedAndTheConnectionStays() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        client.addChannelListener(new ChannelListener() {
            @Override
            public void onConnected(RemoteChannel channel) {
                connects.incrementAndGet();
            }
        });

        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(UNKNOWN), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).isEqualTo(" request type 999 not supported");
        assertThat(client.invokeSync(addr, echoRequest("after"), 3000).extField("value"))
                .isEqualTo("after");
        assertThat(connects).hasValue(1);
    }

    @Test
    void defaultHandlerTakesUnregisteredCodes() throws Exception {
        server.setDefaultHandler(
                (channel, request) -> RemotingCommand.successTo(request).remark("default " + request.code()), executor);

        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(UNKNOWN), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.remark()).isEqualTo("default 999");
    }

    @Test
    void invalidHeaderBecomesInvalidParameter() throws Exception {
        server.registerHandler(
                CUSTOM,
                (channel, request) -> {
                    throw new InvalidHeaderException("the topic field is missing");
                },
                executor);

        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(CUSTOM), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.INVALID_PARAMETER);
        assertThat(response.remark()).isEqualTo("the topic field is missing");
    }

    @Test
    void handlerFailureBecomesSystemError() throws Exception {
        server.registerHandler(
                CUSTOM,
                (channel, request) -> {
                    throw new IllegalStateException("store is down");
                },
                executor);

        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(CUSTOM), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("java.lang.IllegalStateException: store is down");
    }

    @Test
    void rejectingExecutorMeansSystemBusy() throws Exception {
        server.registerHandler(CUSTOM, TestEndpoints.echo(), task -> {
            throw new RejectedExecutionException("full");
        });

        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(CUSTOM), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(response.remark()).isEqualTo("[REJECTREQUEST]system busy");
    }

    @Test
    void binaryRequestGetsAJsonResponse() throws Exception {
        RemotingCommand request = echoRequest("bin").serializeType(SerializeType.ROCKETMQ);

        RemotingCommand response = client.invokeSync(addr, request, 3000);

        assertThat(response.extField("value")).isEqualTo("bin");
        assertThat(response.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void handlerMayAnswerLaterThroughTheChannel() throws Exception {
        server.registerHandler(
                CUSTOM,
                (channel, request) -> {
                    executor.execute(() -> channel.writeResponse(
                            RemotingCommand.successTo(request).remark("later")));
                    return null;
                },
                executor);

        RemotingCommand response =
                client.invokeAsync(addr, RemotingCommand.request(CUSTOM), 3000).get(5, TimeUnit.SECONDS);

        assertThat(response.remark()).isEqualTo("later");
    }

    @Test
    void reconnectsAfterTheCachedConnectionCloses() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        client.addChannelListener(new ChannelListener() {
            @Override
            public void onClosed(RemoteChannel channel) {
                closes.incrementAndGet();
            }
        });
        client.invokeSync(addr, echoRequest("one"), 3000);

        client.closeChannel(addr);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(closes).hasValue(1));

        assertThat(client.invokeSync(addr, echoRequest("two"), 3000).extField("value"))
                .isEqualTo("two");
    }
}
