package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.RouteTable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering offsets: kept in memory, read with QUERY_CONSUMER_OFFSET and written with oneway
 * UPDATE_CONSUMER_OFFSET to the master of each queue's broker. Thread-safe.
 */
public final class BrokerOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerOffsetStore.class);

    private final ConsumerRpc rpc;
    private final RouteTable routes;
    private final String group;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    public BrokerOffsetStore(ConsumerRpc rpc, RouteTable routes, String group) {
        this.rpc = rpc;
        this.routes = routes;
        this.group = group;
    }

    @Override
    public void load() {}

    @Override
    public long read(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public long readStored(MessageQueue queue) {
        long offset = rpc.queryConsumerOffset(addr(queue), group, queue);
        if (offset >= 0) {
            offsets.put(queue, offset);
        }
        return offset;
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        offsets.merge(queue, offset, (old, now) -> increaseOnly ? Math.max(old, now) : now);
    }

    @Override
    public void persist(Set<MessageQueue> queues) {
        for (MessageQueue queue : queues) {
            Long offset = offsets.get(queue);
            if (offset == null) {
                continue;
            }
            try {
                rpc.updateConsumerOffset(addr(queue), group, queue, offset, true);
            } catch (ClientException e) {
                LOG.warn("committing offset {} of {} failed: {}", offset, queue, e.getMessage());
            }
        }
    }

    @Override
    public void persistNow(MessageQueue queue) {
        Long offset = offsets.get(queue);
        if (offset != null) {
            rpc.updateConsumerOffset(addr(queue), group, queue, offset, false);
        }
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }

    private String addr(MessageQueue queue) {
        String addr = routes.masterAddr(queue.brokerName());
        if (addr == null) {
            throw new ClientException("no master address known for broker " + queue.brokerName());
        }
        return addr;
    }
}
