package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.remoting.RemoteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Clusters → broker names, broker name → {@link BrokerGroup}, and the live-broker table keyed by
 * {@link BrokerKey}. Not thread-safe: guarded by the {@link RouteRegistry} lock.
 */
final class BrokerTable {
    private final Map<String, Set<String>> clusters = new HashMap<>();
    private final Map<String, BrokerGroup> groups = new HashMap<>();
    private final Map<BrokerKey, LiveBroker> live = new LinkedHashMap<>();

    BrokerGroup group(String brokerName) {
        return groups.get(brokerName);
    }

    BrokerGroup createGroup(String cluster, String brokerName) {
        clusters.computeIfAbsent(cluster, c -> new TreeSet<>()).add(brokerName);
        return groups.computeIfAbsent(brokerName, name -> new BrokerGroup(cluster, name));
    }

    /** Removes an empty group from the tables (and its cluster when that empties too). */
    void removeGroup(BrokerGroup group) {
        groups.remove(group.brokerName());
        Set<String> names = clusters.get(group.cluster());
        if (names != null) {
            names.remove(group.brokerName());
            if (names.isEmpty()) {
                clusters.remove(group.cluster());
            }
        }
    }

    /** The group of {@code cluster} that maps some id to {@code addr}, or null. */
    BrokerGroup groupServing(String cluster, String addr) {
        for (String name : clusters.getOrDefault(cluster, Set.of())) {
            BrokerGroup group = groups.get(name);
            if (group != null && group.hasAddr(addr)) {
                return group;
            }
        }
        return null;
    }

    Set<String> brokerNames(String cluster) {
        return clusters.getOrDefault(cluster, Set.of());
    }

    LiveBroker live(BrokerKey key) {
        return live.get(key);
    }

    LiveBroker putLive(BrokerKey key, LiveBroker broker) {
        return live.put(key, broker);
    }

    LiveBroker removeLive(BrokerKey key) {
        return live.remove(key);
    }

    List<BrokerKey> liveKeys() {
        return new ArrayList<>(live.keySet());
    }

    List<BrokerKey> expiredAt(long nowMs) {
        List<BrokerKey> expired = new ArrayList<>();
        live.forEach((key, broker) -> {
            if (broker.expiredAt(nowMs)) {
                expired.add(key);
            }
        });
        return expired;
    }

    List<BrokerKey> registeredOn(RemoteChannel channel) {
        List<BrokerKey> keys = new ArrayList<>();
        live.forEach((key, broker) -> {
            if (broker.registeredOn(channel)) {
                keys.add(key);
            }
        });
        return keys;
    }

    Map<String, BrokerData> snapshots() {
        Map<String, BrokerData> result = new TreeMap<>();
        groups.forEach((name, group) -> result.put(name, group.snapshot()));
        return result;
    }

    Map<String, Set<String>> clusters() {
        Map<String, Set<String>> result = new TreeMap<>();
        clusters.forEach((cluster, names) -> result.put(cluster, Set.copyOf(names)));
        return result;
    }

    /** Any registered broker address, or null (GET_SYSTEM_TOPIC_LIST names one). */
    String anyAddr() {
        return groups.values().stream()
                .filter(g -> !g.isEmpty())
                .map(g -> g.addrs().values().iterator().next())
                .findFirst()
                .orElse(null);
    }
}
