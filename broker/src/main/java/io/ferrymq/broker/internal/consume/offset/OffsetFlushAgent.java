package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.commitlog.agent.Agent;

/**
 * Persists the consumer offsets committed since its last step ({@link ConsumerOffsetTable#flush()}). Its
 * runner idles {@code flushConsumerOffsetInterval} ms between steps that found nothing, so offsets reach
 * RocksDB at most about one interval after their commit.
 *
 * <p>Not thread-safe: one runner steps it.
 */
public final class OffsetFlushAgent implements Agent {
    private final ConsumerOffsetTable offsets;

    public OffsetFlushAgent(ConsumerOffsetTable offsets) {
        this.offsets = offsets;
    }

    @Override
    public int doWork() {
        return offsets.flush();
    }

    @Override
    public String roleName() {
        return "ferrymq-offset-flush";
    }
}
