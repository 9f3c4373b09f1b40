package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import io.ferrymq.protocol.route.TopicSysFlag;
import io.ferrymq.remoting.RemoteChannel;

/**
 * The topic-list family, each answering a {@code {"topicList":[…]}} body:
 * GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206), GET_TOPICS_BY_CLUSTER (224), GET_SYSTEM_TOPIC_LIST_FROM_NS
 * (304), GET_UNIT_TOPIC_LIST (311), GET_HAS_UNIT_SUB_TOPIC_LIST (312) and
 * GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST (313). Register its methods as handlers. Thread-safe.
 */
public final class TopicListHandler {
    private final RouteRegistry registry;

    public TopicListHandler(RouteRegistry registry) {
        this.registry = registry;
    }

    public RemotingCommand allTopics(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(request, registry.allTopics());
    }

    public RemotingCommand topicsByCluster(RemoteChannel channel, RemotingCommand request) {
        String cluster = HeaderBinding.decode(request, GetTopicsByClusterRequestHeader.class)
                .cluster();
        return Responses.json(request, registry.topicsOfCluster(cluster));
    }

    public RemotingCommand systemTopics(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(request, registry.systemTopics());
    }

    public RemotingCommand unitTopics(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(request, registry.topicsWithSysFlag(TopicSysFlag::hasUnitFlag));
    }

    public RemotingCommand hasUnitSubTopics(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(request, registry.topicsWithSysFlag(TopicSysFlag::hasUnitSubFlag));
    }

    public RemotingCommand hasUnitSubUnunitTopics(RemoteChannel channel, RemotingCommand request) {
        return Responses.json(
                request,
                registry.topicsWithSysFlag(
                        flag -> !TopicSysFlag.hasUnitFlag(flag) && TopicSysFlag.hasUnitSubFlag(flag)));
    }
}
