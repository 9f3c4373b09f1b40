package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.nameserver.internal.KvConfigStore;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import io.ferrymq.protocol.header.namesrv.GetKVConfigRequestHeader;
import io.ferrymq.protocol.header.namesrv.GetKVConfigResponseHeader;
import io.ferrymq.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import io.ferrymq.protocol.header.namesrv.PutKVConfigRequestHeader;
import io.ferrymq.protocol.route.KVTable;
import io.ferrymq.remoting.RemoteChannel;
import java.util.Map;
import java.util.Optional;

/**
 * The KV config family: PUT_KV_CONFIG (100), GET_KV_CONFIG (101; QUERY_NOT_FOUND when absent),
 * DELETE_KV_CONFIG (102) and GET_KVLIST_BY_NAMESPACE (219; QUERY_NOT_FOUND when the namespace is
 * empty). Register its methods as handlers. Thread-safe.
 */
public final class KvConfigHandler {
    private final KvConfigStore store;

    public KvConfigHandler(KvConfigStore store) {
        this.store = store;
    }

    public RemotingCommand put(RemoteChannel channel, RemotingCommand request) {
        PutKVConfigRequestHeader header = HeaderBinding.decode(request, PutKVConfigRequestHeader.class);
        store.put(header.namespace(), header.key(), header.value());
        return Responses.success(request);
    }

    public RemotingCommand get(RemoteChannel channel, RemotingCommand request) {
        GetKVConfigRequestHeader header = HeaderBinding.decode(request, GetKVConfigRequestHeader.class);
        Optional<String> value = store.get(header.namespace(), header.key());
        if (value.isEmpty()) {
            return Responses.error(
                    request,
                    ResponseCode.QUERY_NOT_FOUND,
                    "No config item, Namespace: " + header.namespace() + " Key: " + header.key());
        }
        return Responses.withHeader(request, new GetKVConfigResponseHeader(value.get()));
    }

    public RemotingCommand delete(RemoteChannel channel, RemotingCommand request) {
        DeleteKVConfigRequestHeader header = HeaderBinding.decode(request, DeleteKVConfigRequestHeader.class);
        store.delete(header.namespace(), header.key());
        return Responses.success(request);
    }

    public RemotingCommand list(RemoteChannel channel, RemotingCommand request) {
        String namespace = HeaderBinding.decode(request, GetKVListByNamespaceRequestHeader.class)
                .namespace();
        Map<String, String> table = store.list(namespace);
        if (table.isEmpty()) {
            return Responses.error(request, ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: " + namespace);
        }
        return Responses.json(request, new KVTable(table));
    }
}
