package io.ferrymq.remoting;

import io.ferrymq.protocol.FrameLayout;
import io.ferrymq.protocol.RemotingCommand;

/** Servers and clients on 127.0.0.1 with ephemeral ports, and the request codes tests use. */
final class TestEndpoints {
    /** Answers with the request's {@code value} field and body. */
    static final int ECHO = 1001;
    /** Handled by whatever a test registers; not known to {@link #echo()}. */
    static final int CUSTOM = 1002;
    /** No handler is ever registered for it. */
    static final int UNKNOWN = 999;

    private TestEndpoints() {}

    static ServerConfig serverConfig() {
        return ServerConfig.of("127.0.0.1", 0);
    }

    static ClientConfig clientConfig() {
        return new ClientConfig(2, 3000, FrameLayout.MAX_FRAME_BYTES, 0, true);
    }

    static RemotingServer start(ServerConfig config) {
        RemotingServer server = new RemotingServer(config);
        server.start();
        return server;
    }

    static String addr(RemotingServer server) {
        return "127.0.0.1:" + server.port();
    }

    static RequestHandler echo() {
        return (channel, request) -> RemotingCommand.successTo(request)
                .putExtField("value", request.extField("value"))
                .body(request.body());
    }

    static RemotingCommand echoRequest(String value) {
        return RemotingCommand.request(ECHO).putExtField("value", value);
    }
}
