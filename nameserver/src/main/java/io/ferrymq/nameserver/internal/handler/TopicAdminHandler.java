package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.ferrymq.protocol.header.namesrv.RegisterTopicRequestHeader;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.RemoteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin edits of the topic table: DELETE_TOPIC_IN_NAMESRV (216; everywhere or in one cluster) and
 * REGISTER_TOPIC_IN_NAMESRV (217; body = a TopicRouteData whose queue data are added). Register its
 * methods as handlers. Thread-safe.
 */
public final class TopicAdminHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdminHandler.class);

    private final RouteRegistry registry;

    public TopicAdminHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    public RemotingCommand deleteTopic(RemoteChannel channel, RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader header =
                HeaderBinding.decode(request, DeleteTopicFromNamesrvRequestHeader.class);
        registry.deleteTopic(header.topic(), header.clusterName());
        return Responses.success(request);
    }

    public RemotingCommand registerTopic(RemoteChannel channel, RemotingCommand request) {
        String topic =
                HeaderBinding.decode(request, RegisterTopicRequestHeader.class).topic();
        if (request.body().length > 0) {
            TopicRouteData route = JsonBodyCodec.decode(request.body(), TopicRouteData.class);
            if (!registry.registerTopic(topic, route.queueDatas())) {
                LOG.warn("REGISTER_TOPIC_IN_NAMESRV for {} names an unknown broker group; ignored", topic);
            }
        }
        return Responses.success(request);
    }
}
