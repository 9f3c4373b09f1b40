package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.BrokerData;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable registry entry of one broker group (one {@code brokerName}): its id → address map and
 * flags, plus an immutable {@link BrokerData} snapshot rebuilt on every change so route reads copy
 * nothing. Not thread-safe: guarded by the {@link RouteRegistry} lock.
 */
final class BrokerGroup {
    private final String cluster;
    private final String brokerName;
    private final TreeMap<Long, String> addrs = new TreeMap<>();
    private boolean enableActingMaster;
    private String zoneName;
    private BrokerData snapshot;

    BrokerGroup(String cluster, String brokerName) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        rebuild();
    }

    String cluster() {
        return cluster;
    }

    String brokerName() {
        return brokerName;
    }

    BrokerData snapshot() {
        return snapshot;
    }

    boolean isEmpty() {
        return addrs.isEmpty();
    }

    boolean hasId(long brokerId) {
        return addrs.containsKey(brokerId);
    }

    String addr(long brokerId) {
        return addrs.get(brokerId);
    }

    boolean hasAddr(String addr) {
        return addrs.containsValue(addr);
    }

    long minId() {
        return addrs.isEmpty() ? -1 : addrs.firstKey();
    }

    Map<Long, String> addrs() {
        return snapshot.brokerAddrs();
    }

    void flags(boolean actingMaster, String zone) {
        this.enableActingMaster = actingMaster;
        this.zoneName = zone;
        rebuild();
    }

    boolean enableActingMaster() {
        return enableActingMaster;
    }

    /**
     * Maps {@code brokerId} to {@code addr}, first removing any other id mapped to the same address
     * (a slave promoted to master re-registers under id 0 from the same address).
     *
     * @return the address previously mapped to {@code brokerId}, or null
     */
    String put(long brokerId, String addr) {
        addrs.entrySet().removeIf(e -> e.getValue().equals(addr) && e.getKey() != brokerId);
        String previous = addrs.put(brokerId, addr);
        rebuild();
        return previous;
    }

    /** Removes every id mapped to {@code addr}; true when something was removed. */
    boolean removeAddr(String addr) {
        boolean removed = addrs.values().removeIf(addr::equals);
        rebuild();
        return removed;
    }

    private void rebuild() {
        snapshot = new BrokerData(cluster, brokerName, addrs, enableActingMaster, zoneName);
    }
}
