package io.ferrymq.nameserver.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nameserver's namespaced key/value config (PUT/GET/DELETE_KV_CONFIG, GET_KVLIST_BY_NAMESPACE;
 * namespace {@code ORDER_TOPIC_CONFIG} holds global-order topic layouts). Held in memory only: it is
 * lost on restart, as brokers' registrations are. Thread-safe.
 */
public final class KvConfigStore {
    /** The namespace whose entries give global-order topics their {@code orderTopicConf}. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final Map<String, Map<String, String>> namespaces = new ConcurrentHashMap<>();

    public void put(String namespace, String key, String value) {
        namespaces.compute(namespace, (ns, table) -> {
            Map<String, String> updated = table == null ? new ConcurrentHashMap<>() : table;
            updated.put(key, value);
            return updated;
        });
    }

    public Optional<String> get(String namespace, String key) {
        Map<String, String> table = namespaces.get(namespace);
        return Optional.ofNullable(table == null ? null : table.get(key));
    }

    public void delete(String namespace, String key) {
        namespaces.computeIfPresent(namespace, (ns, table) -> {
            table.remove(key);
            return table.isEmpty() ? null : table;
        });
    }

    /** A copy of the namespace's entries; empty when it has none. */
    public Map<String, String> list(String namespace) {
        Map<String, String> table = namespaces.get(namespace);
        return table == null ? Map.of() : new TreeMap<>(table);
    }
}
