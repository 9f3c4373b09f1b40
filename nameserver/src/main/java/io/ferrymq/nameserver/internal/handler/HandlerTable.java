package io.ferrymq.nameserver.internal.handler;

import static io.ferrymq.protocol.RequestCode.ADD_WRITE_PERM_OF_BROKER;
import static io.ferrymq.protocol.RequestCode.BROKER_HEARTBEAT;
import static io.ferrymq.protocol.RequestCode.DELETE_KV_CONFIG;
import static io.ferrymq.protocol.RequestCode.DELETE_TOPIC_IN_NAMESRV;
import static io.ferrymq.protocol.RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER;
import static io.ferrymq.protocol.RequestCode.GET_BROKER_CLUSTER_INFO;
import static io.ferrymq.protocol.RequestCode.GET_BROKER_MEMBER_GROUP;
import static io.ferrymq.protocol.RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST;
import static io.ferrymq.protocol.RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST;
import static io.ferrymq.protocol.RequestCode.GET_KVLIST_BY_NAMESPACE;
import static io.ferrymq.protocol.RequestCode.GET_KV_CONFIG;
import static io.ferrymq.protocol.RequestCode.GET_NAMESRV_CONFIG;
import static io.ferrymq.protocol.RequestCode.GET_ROUTEINFO_BY_TOPIC;
import static io.ferrymq.protocol.RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS;
import static io.ferrymq.protocol.RequestCode.GET_TOPICS_BY_CLUSTER;
import static io.ferrymq.protocol.RequestCode.GET_UNIT_TOPIC_LIST;
import static io.ferrymq.protocol.RequestCode.PUT_KV_CONFIG;
import static io.ferrymq.protocol.RequestCode.QUERY_DATA_VERSION;
import static io.ferrymq.protocol.RequestCode.REGISTER_BROKER;
import static io.ferrymq.protocol.RequestCode.REGISTER_TOPIC_IN_NAMESRV;
import static io.ferrymq.protocol.RequestCode.UNREGISTER_BROKER;
import static io.ferrymq.protocol.RequestCode.UPDATE_NAMESRV_CONFIG;
import static io.ferrymq.protocol.RequestCode.WIPE_WRITE_PERM_OF_BROKER;

import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.nameserver.internal.LiveConfig;
import io.ferrymq.nameserver.internal.RouteRegistry;
import io.ferrymq.remoting.RequestHandler;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Which handler answers which request code, and on which pool: route lookups on the client pool,
 * everything else on the worker pool. Codes absent here are answered REQUEST_CODE_NOT_SUPPORTED by
 * the transport. Immutable once built.
 */
public final class HandlerTable {
    /** One entry: {@code clientPool} true = run on the route-lookup pool. */
    public record Entry(int code, RequestHandler handler, boolean clientPool) {}

    private final List<Entry> entries = new ArrayList<>();

    public HandlerTable(RouteRegistry registry, KvConfigStore kvConfig, LiveConfig config, InstantSource clock) {
        entries.add(new Entry(GET_ROUTEINFO_BY_TOPIC, new RouteInfoHandler(registry, kvConfig, config), true));
        worker(REGISTER_BROKER, new RegisterBrokerHandler(registry, kvConfig, config, clock));
        worker(UNREGISTER_BROKER, new UnregisterBrokerHandler(registry));
        worker(GET_BROKER_CLUSTER_INFO, new ClusterInfoHandler(registry));
        worker(GET_BROKER_MEMBER_GROUP, new BrokerMemberGroupHandler(registry));
        BrokerLivenessHandler liveness = new BrokerLivenessHandler(registry);
        worker(BROKER_HEARTBEAT, liveness::heartbeat);
        worker(QUERY_DATA_VERSION, liveness::queryDataVersion);
        addTopicHandlers(registry);
        KvConfigHandler kv = new KvConfigHandler(kvConfig);
        worker(PUT_KV_CONFIG, kv::put);
        worker(GET_KV_CONFIG, kv::get);
        worker(DELETE_KV_CONFIG, kv::delete);
        worker(GET_KVLIST_BY_NAMESPACE, kv::list);
        NamesrvConfigHandler namesrvConfig = new NamesrvConfigHandler(config);
        worker(GET_NAMESRV_CONFIG, namesrvConfig::get);
        worker(UPDATE_NAMESRV_CONFIG, namesrvConfig::update);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The handler of {@code code}, or null: lets tests call handlers without a transport. */
    public RequestHandler handler(int code) {
        return entries.stream()
                .filter(e -> e.code() == code)
                .map(Entry::handler)
                .findFirst()
                .orElse(null);
    }

    private void addTopicHandlers(RouteRegistry registry) {
        TopicListHandler lists = new TopicListHandler(registry);
        worker(GET_ALL_TOPIC_LIST_FROM_NAMESERVER, lists::allTopics);
        worker(GET_TOPICS_BY_CLUSTER, lists::topicsByCluster);
        worker(GET_SYSTEM_TOPIC_LIST_FROM_NS, lists::systemTopics);
        worker(GET_UNIT_TOPIC_LIST, lists::unitTopics);
        worker(GET_HAS_UNIT_SUB_TOPIC_LIST, lists::hasUnitSubTopics);
        worker(GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST, lists::hasUnitSubUnunitTopics);
        TopicAdminHandler admin = new TopicAdminHandler(registry);
        worker(DELETE_TOPIC_IN_NAMESRV, admin::deleteTopic);
        worker(REGISTER_TOPIC_IN_NAMESRV, admin::registerTopic);
        WritePermHandler perms = new WritePermHandler(registry);
        worker(WIPE_WRITE_PERM_OF_BROKER, perms::wipe);
        worker(ADD_WRITE_PERM_OF_BROKER, perms::add);
    }

    private void worker(int code, RequestHandler handler) {
        entries.add(new Entry(code, handler, false));
    }
}
