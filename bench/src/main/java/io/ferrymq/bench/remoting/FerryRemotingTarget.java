package io.ferrymq.bench.remoting;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.remoting.RemotingServer;
import io.ferrymq.remoting.ServerConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** FerryMQ's remoting: {@link RemotingServer} and {@link RemotingClient}. */
public final class FerryRemotingTarget implements RoundTripTarget {
    private final AtomicLong offsets = new AtomicLong();
    private RemotingServer server;
    private RemotingClient client;
    private ExecutorService workers;
    private String address;
    private Map<String, String> requestFields;
    private byte[] body;

    @Override
    public void start(WorkloadShape shape) throws Exception {
        workers = Executors.newFixedThreadPool(shape.serverWorkerThreads());
        server = new RemotingServer(ServerConfig.of("127.0.0.1", 0));
        server.registerHandler(
                WorkloadShape.REQUEST_CODE,
                (channel, request) -> RemotingCommand.successTo(request)
                        .extFields(WorkloadShape.responseFields(offsets.getAndIncrement())),
                workers);
        server.start();
        client = new RemotingClient(ClientConfig.defaults());
        address = "127.0.0.1:" + server.port();
        requestFields = shape.requestFields();
        body = new byte[shape.bodyBytes()];
    }

    @Override
    public void roundTrip() throws Exception {
        RemotingCommand request = RemotingCommand.request(WorkloadShape.REQUEST_CODE)
                .extFields(new HashMap<>(requestFields))
                .body(body);
        RemotingCommand response = client.invokeSync(address, request, 3000);
        if (response.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("round trip failed: " + response);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
