package io.ferrymq.broker.internal.consume.client;

import io.ferrymq.remoting.RemoteChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer group's live members (one {@link ClientConnection} per channel) and its subscriptions
 * by topic. Membership changes report whether the set of client ids changed, which is when the group
 * is notified.
 *
 * <p>Thread-safe: membership is guarded by this object; subscriptions are a concurrent map so pulls
 * read them without locking.
 */
public final class ConsumerGroupInfo {
    private final String groupName;
    private final Map<RemoteChannel, ClientConnection> members = new LinkedHashMap<>();
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile String consumeType;
    private volatile String messageModel;
    private volatile String consumeFromWhere;

    ConsumerGroupInfo(String groupName) {
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }

    /** Adds or refreshes a member; true when the group's client ids changed. */
    synchronized boolean register(ClientConnection connection, HeartbeatData.ConsumerData data, long nowMs) {
        consumeType = data.consumeType();
        messageModel = data.messageModel();
        consumeFromWhere = data.consumeFromWhere();
        Set<String> before = clientIdSet();
        ClientConnection existing = members.get(connection.channel());
        if (existing != null && existing.clientId().equals(connection.clientId())) {
            existing.touch(nowMs);
        } else {
            members.put(connection.channel(), connection);
        }
        return !before.equals(clientIdSet());
    }

    /** Keeps the newest version of each subscribed topic and drops topics no longer subscribed. */
    void updateSubscriptions(List<SubscriptionData> latest) {
        Set<String> topics = new HashSet<>();
        for (SubscriptionData sub : latest) {
            topics.add(sub.topic());
            subscriptions.merge(sub.topic(), sub, (old, now) -> now.subVersion() >= old.subVersion() ? now : old);
        }
        subscriptions.keySet().retainAll(topics);
    }

    /** Removes the member on {@code channel}; true when the group's client ids changed. */
    synchronized boolean remove(RemoteChannel channel) {
        Set<String> before = clientIdSet();
        if (members.remove(channel) == null) {
            return false;
        }
        return !before.equals(clientIdSet());
    }

    /** Removes the member with {@code clientId}; true when the group's client ids changed. */
    synchronized boolean removeClient(String clientId) {
        Set<String> before = clientIdSet();
        members.values().removeIf(c -> c.clientId().equals(clientId));
        return !before.equals(clientIdSet());
    }

    /** Removes members silent since before {@code cutoffMs}; returns them. */
    synchronized List<ClientConnection> expire(long cutoffMs) {
        List<ClientConnection> expired = new ArrayList<>();
        members.values().removeIf(c -> {
            boolean silent = c.lastUpdateMs() < cutoffMs;
            if (silent) {
                expired.add(c);
            }
            return silent;
        });
        return expired;
    }

    /** Client ids in the order they joined. */
    public synchronized List<String> clientIds() {
        return new ArrayList<>(clientIdSet());
    }

    private Set<String> clientIdSet() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (ClientConnection connection : members.values()) {
            ids.add(connection.clientId());
        }
        return ids;
    }

    public synchronized List<ClientConnection> connections() {
        return new ArrayList<>(members.values());
    }

    public synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** The group's subscription of {@code topic}, or null. */
    public SubscriptionData subscription(String topic) {
        return subscriptions.get(topic);
    }

    public Map<String, SubscriptionData> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public String consumeType() {
        return consumeType;
    }

    public String messageModel() {
        return messageModel;
    }

    public String consumeFromWhere() {
        return consumeFromWhere;
    }
}
