package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile frames from a raw socket close that connection with one warning; the server keeps serving
 * everyone else. Each case ends with a normal call from a {@link RemotingClient}.
 */
@Timeout(30)
class BadInputTest {
    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String WATCHER_LOGGER = "io.ferrymq.remoting.internal.ConnectionWatcher";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private RemotingServer server;
    private RemotingClient client;
    private LogCapture log;

    @BeforeEach
    void start() {
        server = new RemotingServer(TestEndpoints.serverConfig().withMaxFrameBytes(MAX_FRAME_BYTES));
        server.registerHandler(ECHO, TestEndpoints.echo(), executor);
        server.start();
        client = new RemotingClient(TestEndpoints.clientConfig());
        log = LogCapture.of(WATCHER_LOGGER);
    }

    @AfterEach
    void stop() {
        log.close();
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void negativeLengthClosesTheConnection() throws Exception {
        assertRejected(Frames.lengthThen(-5, new byte[8]), "negative frame length -5");
    }

    @Test
    void lengthOverTheLimitClosesTheConnection() throws Exception {
        assertRejected(Frames.lengthThen(MAX_FRAME_BYTES * 4, new byte[16]), "exceeds the limit of 65536");
    }

    @Test
    void lengthTooShortForTheHeaderInfoClosesTheConnection() throws Exception {
        assertRejected(Frames.lengthThen(2, new byte[2]), "no header length");
    }

    @Test
    void lengthJustOverTheLimitClosesTheConnection() throws Exception {
        assertRejected(Frames.lengthThen(MAX_FRAME_BYTES - 3, new byte[16]), "exceeds the limit");
    }

    @Test
    void headerLengthPastTheFrameEndClosesTheConnection() throws Exception {
        byte[] header = "{\"code\":1001}".getBytes(StandardCharsets.UTF_8);
        assertRejected(Frames.frame(4 + header.length, 0, header.length + 100, header, new byte[0]), "header length");
    }

    @Test
    void undecodableJsonClosesTheConnection() throws Exception {
        assertRejected(Frames.json("{\"code\":1001,\"opaque\":"), "JSON");
    }

    @Test
    void jsonThatIsNotAnObjectClosesTheConnection() throws Exception {
        assertRejected(Frames.json("[1,2,3]"), "JSON");
    }

    @Test
    void unknownSerializeTypeClosesTheConnection() throws Exception {
        byte[] header = "{\"code\":1001}".getBytes(StandardCharsets.UTF_8);
        assertRejected(Frames.frame(4 + header.length, 7, header.length, header, new byte[0]), "serialize type 7");
    }

    @Test
    void binaryHeaderRequestIsAnsweredInJson() throws Exception {
        try (RawSocket socket = RawSocket.connect(server.port(), 5000)) {
            socket.send(echoRequest("bin").opaque(11).serializeType(SerializeType.ROCKETMQ));

            RemotingCommand response = socket.readCommand();

            assertThat(response.opaque()).isEqualTo(11);
            assertThat(response.isResponse()).isTrue();
            assertThat(response.serializeType()).isEqualTo(SerializeType.JSON);
            assertThat(response.extField("value")).isEqualTo("bin");
        }
        assertServerStillServes();
    }

    @Test
    void unknownCodeIsAnsweredAndTheSameSocketStaysUsable() throws Exception {
        try (RawSocket socket = RawSocket.connect(server.port(), 5000)) {
            socket.send(RemotingCommand.request(TestEndpoints.UNKNOWN).opaque(21));
            RemotingCommand notSupported = socket.readCommand();
            socket.send(echoRequest("second").opaque(22));
            RemotingCommand answer = socket.readCommand();

            assertThat(notSupported.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(notSupported.opaque()).isEqualTo(21);
            assertThat(notSupported.flag() & RemotingCommand.FLAG_RESPONSE).isEqualTo(1);
            assertThat(answer.opaque()).isEqualTo(22);
            assertThat(answer.extField("value")).isEqualTo("second");
        }
        assertServerStillServes();
    }

    @Test
    void otherConnectionsSurviveABadOne() throws Exception {
        String addr = TestEndpoints.addr(server);
        client.invokeSync(addr, echoRequest("before"), 3000);

        assertRejected(Frames.json("not json at all"), "JSON");

        // the same pooled connection as before, not a new one
        assertThat(client.invokeSync(addr, echoRequest("after"), 3000).extField("value"))
                .isEqualTo("after");
    }

    private void assertRejected(byte[] bytes, String reason) throws Exception {
        String peer;
        try (RawSocket socket = RawSocket.connect(server.port(), 5000)) {
            peer = socket.localAddress();
            socket.send(bytes);

            assertThat(socket.closedByPeer()).as("server closed the connection").isTrue();
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(log.warningsContaining(peer)).hasSize(1));
        assertThat(log.warningsContaining(peer).get(0)).contains(reason);
        assertServerStillServes();
        assertThat(log.warningsContaining(peer)).as("exactly one warning").hasSize(1);
    }

    private void assertServerStillServes() throws Exception {
        RemotingCommand response = client.invokeSync(TestEndpoints.addr(server), echoRequest("ok"), 3000);
        assertThat(response.extField("value")).isEqualTo("ok");
    }
}
