package io.ferrymq.protocol.capture;

import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.WireName;
import io.ferrymq.protocol.header.broker.HeaderCodec;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.header.broker.ResponseHeaders;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The typed header of a request or response code for the golden test: the broker registries, plus
 * the nameserver records of {@code io.ferrymq.protocol.header.namesrv} looked up by name, so this
 * test compiles whether or not they exist yet.
 */
final class TypedHeaders {
    private static final String NAMESRV = "io.ferrymq.protocol.header.namesrv.";
    private static final Map<Integer, String> NAMESRV_REQUESTS = Map.ofEntries(
            Map.entry(RequestCode.PUT_KV_CONFIG, "PutKVConfigRequestHeader"),
            Map.entry(RequestCode.GET_KV_CONFIG, "GetKVConfigRequestHeader"),
            Map.entry(RequestCode.DELETE_KV_CONFIG, "DeleteKVConfigRequestHeader"),
            Map.entry(RequestCode.REGISTER_BROKER, "RegisterBrokerRequestHeader"),
            Map.entry(RequestCode.UNREGISTER_BROKER, "UnRegisterBrokerRequestHeader"),
            Map.entry(RequestCode.GET_ROUTEINFO_BY_TOPIC, "GetRouteInfoRequestHeader"),
            Map.entry(RequestCode.WIPE_WRITE_PERM_OF_BROKER, "WipeWritePermOfBrokerRequestHeader"),
            Map.entry(RequestCode.ADD_WRITE_PERM_OF_BROKER, "AddWritePermOfBrokerRequestHeader"),
            Map.entry(RequestCode.DELETE_TOPIC_IN_NAMESRV, "DeleteTopicFromNamesrvRequestHeader"),
            Map.entry(RequestCode.REGISTER_TOPIC_IN_NAMESRV, "RegisterTopicRequestHeader"),
            Map.entry(RequestCode.GET_KVLIST_BY_NAMESPACE, "GetKVListByNamespaceRequestHeader"),
            Map.entry(RequestCode.GET_TOPICS_BY_CLUSTER, "GetTopicsByClusterRequestHeader"),
            Map.entry(RequestCode.QUERY_DATA_VERSION, "QueryDataVersionRequestHeader"),
            Map.entry(RequestCode.GET_BROKER_MEMBER_GROUP, "GetBrokerMemberGroupRequestHeader"),
            Map.entry(RequestCode.BROKER_HEARTBEAT, "BrokerHeartbeatRequestHeader"));
    private static final Map<Integer, String> NAMESRV_RESPONSES = Map.of(
            RequestCode.REGISTER_BROKER, "RegisterBrokerResponseHeader",
            RequestCode.GET_KV_CONFIG, "GetKVConfigResponseHeader",
            RequestCode.QUERY_DATA_VERSION, "QueryDataVersionResponseHeader",
            RequestCode.WIPE_WRITE_PERM_OF_BROKER, "WipeWritePermOfBrokerResponseHeader",
            RequestCode.ADD_WRITE_PERM_OF_BROKER, "AddWritePermOfBrokerResponseHeader");

    private TypedHeaders() {}

    /** The codec of a request to {@code server} ("NS" or "BR"), or null. */
    static HeaderCodec<?> request(String server, int code) {
        return "NS".equals(server) ? namesrv(NAMESRV_REQUESTS.get(code)) : RequestHeaders.codecOf(code);
    }

    /** The codec of the response to a request of {@code requestCode}, or null. */
    static HeaderCodec<?> response(String server, int requestCode) {
        return "NS".equals(server) ? namesrv(NAMESRV_RESPONSES.get(requestCode)) : ResponseHeaders.codecOf(requestCode);
    }

    private static HeaderCodec<?> namesrv(String simpleName) {
        if (simpleName == null) {
            return null;
        }
        try {
            return new Bound<>(Class.forName(NAMESRV + simpleName).asSubclass(Record.class));
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A HeaderBinding seen as a HeaderCodec. */
    private record Bound<H extends Record>(Class<H> type) implements HeaderCodec<H> {
        @Override
        public Set<String> keys() {
            Set<String> keys = new HashSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                WireName wireName = component.getAnnotation(WireName.class);
                keys.add(wireName != null ? wireName.value() : component.getName());
            }
            return keys;
        }

        @Override
        public H decode(Map<String, String> fields) {
            return HeaderBinding.of(type).decode(fields);
        }

        @Override
        public void encodeInto(H header, Map<String, String> fields) {
            fields.putAll(HeaderBinding.of(type).encode(header));
        }
    }
}
