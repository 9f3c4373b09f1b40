package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.QueueData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Topic → broker name → {@link QueueData}. A topic exists while at least one broker group serves it.
 * Not thread-safe: guarded by the {@link RouteRegistry} lock.
 */
final class TopicTable {
    private final Map<String, Map<String, QueueData>> topics = new HashMap<>();

    void put(String topic, QueueData queueData) {
        topics.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(queueData.brokerName(), queueData);
    }

    boolean has(String topic, String brokerName) {
        Map<String, QueueData> queues = topics.get(topic);
        return queues != null && queues.containsKey(brokerName);
    }

    /** The topic's queue data, or null when no broker serves it. */
    Map<String, QueueData> queues(String topic) {
        return topics.get(topic);
    }

    Set<String> names() {
        return new TreeSet<>(topics.keySet());
    }

    /** Topics served by any of {@code brokerNames}. */
    Set<String> servedBy(Collection<String> brokerNames) {
        Set<String> result = new TreeSet<>();
        topics.forEach((topic, queues) -> {
            if (brokerNames.stream().anyMatch(queues::containsKey)) {
                result.add(topic);
            }
        });
        return result;
    }

    /** Drops {@code brokerNames}' queue data from one topic (all of it when null); empty topics go. */
    void remove(String topic, Collection<String> brokerNames) {
        Map<String, QueueData> queues = topics.get(topic);
        if (queues == null) {
            return;
        }
        if (brokerNames == null) {
            queues.clear();
        } else {
            queues.keySet().removeAll(brokerNames);
        }
        if (queues.isEmpty()) {
            topics.remove(topic);
        }
    }

    /** Drops a broker group from every topic; topics left without brokers disappear. */
    List<String> removeBroker(String brokerName) {
        List<String> vanished = new ArrayList<>();
        for (Iterator<Map.Entry<String, Map<String, QueueData>>> it =
                        topics.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, Map<String, QueueData>> entry = it.next();
            if (entry.getValue().remove(brokerName) != null && entry.getValue().isEmpty()) {
                vanished.add(entry.getKey());
                it.remove();
            }
        }
        return vanished;
    }

    /** Applies {@code change} to the perm of every queue data of {@code brokerName}; returns the topic count. */
    int updatePerm(String brokerName, IntUnaryOperator change) {
        int count = 0;
        for (Map<String, QueueData> queues : topics.values()) {
            QueueData queueData = queues.get(brokerName);
            if (queueData != null) {
                queues.put(brokerName, queueData.withPerm(change.applyAsInt(queueData.perm())));
                count++;
            }
        }
        return count;
    }

    /** Topics whose first queue data's {@code topicSysFlag} matches. */
    Set<String> withSysFlag(IntPredicate predicate) {
        Set<String> result = new TreeSet<>();
        topics.forEach((topic, queues) -> {
            if (!queues.isEmpty()
                    && predicate.test(queues.values().iterator().next().topicSysFlag())) {
                result.add(topic);
            }
        });
        return result;
    }
}
