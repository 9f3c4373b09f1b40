package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.GetRouteInfoRequestHeader;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * GET_ROUTEINFO_BY_TOPIC (105): the topic's route as standard JSON (quoted broker ids) whatever the
 * client's version, with {@code orderTopicConf} when order messages are enabled and configured;
 * TOPIC_NOT_EXIST when no live broker serves the topic. Thread-safe.
 */
public final class RouteInfoHandler implements RequestHandler {
    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;
    private final LiveConfig config;

    public RouteInfoHandler(RouteRegistry registry, KvConfigStore kvConfig, LiveConfig config) {
        this.registry = registry;
        this.kvConfig = kvConfig;
        this.config = config;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        String topic =
                HeaderBinding.decode(request, GetRouteInfoRequestHeader.class).topic();
        TopicRouteData route = registry.route(topic);
        if (route == null) {
            return Responses.error(
                    request,
                    ResponseCode.TOPIC_NOT_EXIST,
                    "No topic route info in name server for the topic: " + topic);
        }
        if (config.current().orderMessageEnable()) {
            route = route.withOrderTopicConf(
                    kvConfig.get(KvConfigStore.ORDER_TOPIC_CONFIG, topic).orElse(null));
        }
        return Responses.json(request, route);
    }
}
