package io.ferrymq.bench.remoting;

import io.netty.channel.ChannelHandlerContext;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Apache RocketMQ's remoting with its default settings, driven through its public API. Runs only on
 * the baseline classpath (see {@code bench/baseline/pom.xml}).
 */
public final class RocketMqRemotingTarget implements RoundTripTarget {
    private final AtomicLong offsets = new AtomicLong();
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private ExecutorService workers;
    private String address;
    private Map<String, String> requestFields;
    private byte[] body;

    @Override
    public void start(WorkloadShape shape) {
        workers = Executors.newFixedThreadPool(shape.serverWorkerThreads());
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setBindAddress("127.0.0.1");
        serverConfig.setListenPort(0);
        server = new NettyRemotingServer(serverConfig);
        server.registerProcessor(WorkloadShape.REQUEST_CODE, new EchoProcessor(offsets), workers);
        server.start();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        address = "127.0.0.1:" + server.localListenPort();
        requestFields = shape.requestFields();
        body = new byte[shape.bodyBytes()];
    }

    @Override
    public void roundTrip() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(WorkloadShape.REQUEST_CODE, null);
        requestFields.forEach(request::addExtField);
        request.setBody(body);
        RemotingCommand response = client.invokeSync(address, request, 3000);
        if (response.getCode() != 0) {
            throw new IllegalStateException("round trip failed: " + response);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private static final class EchoProcessor implements NettyRequestProcessor {
        private final AtomicLong offsets;

        EchoProcessor(AtomicLong offsets) {
            this.offsets = offsets;
        }

        @Override
        public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
            RemotingCommand response = RemotingCommand.createResponseCommand(0, null);
            response.setOpaque(request.getOpaque());
            WorkloadShape.responseFields(offsets.getAndIncrement()).forEach(response::addExtField);
            return response;
        }

        @Override
        public boolean rejectRequest() {
            return false;
        }
    }
}
