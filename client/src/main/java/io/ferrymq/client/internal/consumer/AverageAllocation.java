package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * RocketMQ's default queue allocation, so FerryMQ clients and official ones in one group agree: with
 * queues and client ids both sorted, client {@code i} of {@code n} gets one contiguous block; the
 * first {@code queues % n} clients get one queue more. A client not in the list gets nothing.
 * Stateless.
 */
public final class AverageAllocation {
    private AverageAllocation() {}

    /**
     * @param queues sorted
     * @param clientIds sorted
     */
    public static List<MessageQueue> allocate(List<MessageQueue> queues, List<String> clientIds, String self) {
        int index = clientIds.indexOf(self);
        if (index < 0 || queues.isEmpty()) {
            return List.of();
        }
        int clients = clientIds.size();
        int remainder = queues.size() % clients;
        int base = queues.size() / clients;
        int size = queues.size() <= clients ? 1 : (index < remainder ? base + 1 : base);
        int start = index < remainder ? index * size : index * size + remainder;
        int count = Math.min(size, queues.size() - start);
        List<MessageQueue> mine = new ArrayList<>(Math.max(0, count));
        for (int i = 0; i < count; i++) {
            mine.add(queues.get((start + i) % queues.size()));
        }
        return mine;
    }
}
