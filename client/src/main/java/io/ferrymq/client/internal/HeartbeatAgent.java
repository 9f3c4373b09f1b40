package io.ferrymq.client.internal;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.route.JsonBodyCodec;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HEART_BEAT to every master the client's routes name (every 30 s by its owner) and to one
 * broker when its connection opens. Thread-safe.
 */
public final class HeartbeatAgent implements Agent {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatAgent.class);
    private static final long TIMEOUT_MS = 3000;

    private final Rpc rpc;
    private final RouteTable routes;
    private final Supplier<HeartbeatData> body;

    public HeartbeatAgent(Rpc rpc, RouteTable routes, Supplier<HeartbeatData> body) {
        this.rpc = rpc;
        this.routes = routes;
        this.body = body;
    }

    @Override
    public void doWork() {
        HeartbeatData data = body.get();
        for (String addr : routes.masterAddrs()) {
            try {
                send(addr, data);
            } catch (ClientException e) {
                LOG.warn("heartbeat to {} failed: {}", addr, e.getMessage());
            }
        }
    }

    /** One heartbeat to {@code addr}, waiting for the broker to apply it. */
    public void send(String addr) {
        send(addr, body.get());
    }

    private void send(String addr, HeartbeatData data) {
        RemotingCommand request = Rpc.request(RequestCode.HEART_BEAT, null).body(JsonBodyCodec.encode(data));
        rpc.callOk(addr, request, TIMEOUT_MS);
    }

    @Override
    public String roleName() {
        return "heartbeat";
    }
}
