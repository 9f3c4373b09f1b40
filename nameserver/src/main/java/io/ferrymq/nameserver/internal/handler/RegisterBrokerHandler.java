package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.BrokerRegistration;
import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.nameserver.internal.RegisterResult;
import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.RegisterBrokerRequestHeader;
import io.ferrymq.protocol.header.namesrv.RegisterBrokerResponseHeader;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.KVTable;
import io.ferrymq.protocol.route.RegisterBrokerBody;
import io.ferrymq.protocol.route.RegisterBrokerBodyCodec;
import io.ferrymq.protocol.route.TopicConfigSerializeWrapper;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.time.InstantSource;
import java.util.Map;

/**
 * REGISTER_BROKER (103): checks the body CRC, decodes the JSON or compressed body, registers the
 * broker, and answers with its master's addresses (slaves) and the ORDER_TOPIC_CONFIG KV table.
 * Thread-safe.
 */
public final class RegisterBrokerHandler implements RequestHandler {
    /** The extFields key of the broker's zone (RocketMQ's {@code MixAll.ZONE_NAME}). */
    static final String ZONE_NAME = "__ZONE_NAME";

    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;
    private final LiveConfig config;
    private final InstantSource clock;

    public RegisterBrokerHandler(
            RouteRegistry registry, KvConfigStore kvConfig, LiveConfig config, InstantSource clock) {
        this.registry = registry;
        this.kvConfig = kvConfig;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        RegisterBrokerRequestHeader header = HeaderBinding.decode(request, RegisterBrokerRequestHeader.class);
        byte[] body = request.body();
        if (header.bodyCrc32() != null
                && header.bodyCrc32() != 0
                && !RegisterBrokerBodyCodec.crcMatches(header.bodyCrc32(), body)) {
            return Responses.systemError(request, "crc32 not match");
        }
        TopicConfigSerializeWrapper topics;
        try {
            topics = decodeTopics(body, Boolean.TRUE.equals(header.compressed()));
        } catch (IllegalArgumentException e) {
            return Responses.systemError(request, e.getMessage());
        }
        RegisterResult result = registry.register(registration(header, topics, request.extField(ZONE_NAME), channel));
        if (!result.accepted()) {
            return Responses.systemError(request, "register broker failed");
        }
        RemotingCommand response = Responses.withHeader(
                request, new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        Map<String, String> orderTopics = kvConfig.list(KvConfigStore.ORDER_TOPIC_CONFIG);
        if (config.current().returnOrderTopicConfigToBroker() && !orderTopics.isEmpty()) {
            response.body(JsonBodyCodec.encode(new KVTable(orderTopics)));
        }
        return response;
    }

    private TopicConfigSerializeWrapper decodeTopics(byte[] body, boolean compressed) {
        if (body.length == 0) {
            return new TopicConfigSerializeWrapper(DataVersion.initial(clock), Map.of());
        }
        RegisterBrokerBody decoded = RegisterBrokerBodyCodec.decode(body, compressed);
        TopicConfigSerializeWrapper topics = decoded.topicConfigSerializeWrapper();
        return topics != null ? topics : new TopicConfigSerializeWrapper(DataVersion.initial(clock), Map.of());
    }

    private static BrokerRegistration registration(
            RegisterBrokerRequestHeader header,
            TopicConfigSerializeWrapper topics,
            String zone,
            RemoteChannel channel) {
        long timeoutMs = header.heartbeatTimeoutMillis() != null && header.heartbeatTimeoutMillis() > 0
                ? header.heartbeatTimeoutMillis()
                : BrokerRegistration.DEFAULT_TIMEOUT_MS;
        return new BrokerRegistration(
                header.clusterName(),
                header.brokerAddr(),
                header.brokerName(),
                header.brokerId(),
                header.haServerAddr(),
                zone,
                timeoutMs,
                header.enableActingMaster(),
                topics.dataVersion(),
                topics.topicConfigTable(),
                channel);
    }
}
