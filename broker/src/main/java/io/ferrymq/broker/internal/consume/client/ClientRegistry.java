package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.remoting.RemoteChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's live clients: producer groups → connections (for transaction check-backs and admin
 * listings) and consumer groups → {@link ConsumerGroupInfo}. Every change to a consumer group's client
 * ids is announced through the {@link ConsumerIdsNotifier}.
 *
 * <p>Thread-safe: maps are concurrent, each consumer group guards its own membership.
 */
public final class ClientRegistry {
    private final Map<String, Map<RemoteChannel, ClientConnection>> producers = new ConcurrentHashMap<>();
    private final Map<String, ConsumerGroupInfo> consumers = new ConcurrentHashMap<>();
    private final ConsumerIdsNotifier notifier;
    private final Clock clock;

    public ClientRegistry(ConsumerIdsNotifier notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    public void registerProducer(String group, ClientConnection connection) {
        Map<RemoteChannel, ClientConnection> members = producers.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientConnection existing = members.putIfAbsent(connection.channel(), connection);
        if (existing != null) {
            existing.touch(clock.millis());
        }
    }

    /** Registers a consumer and its subscriptions (before the heartbeat is answered, G10/G19). */
    public void registerConsumer(ClientConnection connection, HeartbeatData.ConsumerData data) {
        ConsumerGroupInfo group = consumers.computeIfAbsent(data.groupName(), ConsumerGroupInfo::new);
        group.updateSubscriptions(data.subscriptionDataSet());
        if (group.register(connection, data, clock.millis())) {
            notifier.membershipChanged(group);
        }
    }

    public void unregisterProducer(String group, String clientId) {
        Map<RemoteChannel, ClientConnection> members = producers.get(group);
        if (members != null) {
            members.values().removeIf(c -> c.clientId().equals(clientId));
        }
    }

    public void unregisterConsumer(String group, String clientId) {
        ConsumerGroupInfo info = consumers.get(group);
        if (info != null && info.removeClient(clientId)) {
            notifier.membershipChanged(info);
        }
    }

    /** Forgets every registration made on {@code channel} (it closed). */
    public void channelClosed(RemoteChannel channel) {
        for (Map<RemoteChannel, ClientConnection> members : producers.values()) {
            members.remove(channel);
        }
        for (ConsumerGroupInfo group : consumers.values()) {
            if (group.remove(channel)) {
                notifier.membershipChanged(group);
            }
        }
    }

    /** Drops registrations not refreshed since {@code cutoffMs}; returns the connections dropped. */
    public List<ClientConnection> expire(long cutoffMs) {
        List<ClientConnection> expired = new ArrayList<>();
        for (Map<RemoteChannel, ClientConnection> members : producers.values()) {
            members.values().removeIf(c -> c.lastUpdateMs() < cutoffMs && expired.add(c));
        }
        for (ConsumerGroupInfo group : consumers.values()) {
            List<ClientConnection> gone = group.expire(cutoffMs);
            if (!gone.isEmpty()) {
                expired.addAll(gone);
                notifier.membershipChanged(group);
            }
        }
        return expired;
    }

    public Optional<ConsumerGroupInfo> consumerGroup(String group) {
        return Optional.ofNullable(consumers.get(group));
    }

    /** Every consumer group with at least one member. */
    public List<ConsumerGroupInfo> consumerGroups() {
        return consumers.values().stream().filter(g -> !g.isEmpty()).toList();
    }

    public List<ClientConnection> producers(String group) {
        Map<RemoteChannel, ClientConnection> members = producers.get(group);
        return members == null ? List.of() : List.copyOf(members.values());
    }
}
