package io.ferrymq.broker.internal.consume;

import java.util.Objects;

/**
 * Settings of the consume side. Immutable; validated on construction.
 *
 * @param autoCreateSubscriptionGroup {@code autoCreateSubscriptionGroup}: create a group's config on
 *     its first heartbeat or pull (default true); when false, pulls of unknown groups get 26
 * @param brokerName {@code brokerName}: names this broker in queue-keyed admin bodies
 * @param brokerAddr the advertised {@code ip:port} clients reach this broker on (runtime info)
 * @param longPollingEnable {@code longPollingEnable}: hold pulls up to their suspend timeout (default
 *     true); when false, hold them {@code shortPollingTimeMills}
 * @param shortPollingTimeMills {@code shortPollingTimeMills}: the hold without long polling (default 1000)
 * @param flushConsumerOffsetInterval {@code flushConsumerOffsetInterval}: ms between writes of committed
 *     consumer offsets to RocksDB (default 5000, as Apache's); also written when the broker closes
 * @param accessMessageInMemoryMaxRatio {@code accessMessageInMemoryMaxRatio}: the newest this many
 *     percent of physical memory's worth of commit log counts as in memory (default 40, as Apache's);
 *     pulls reading older records are answered from the {@code pullMessageThreadPoolNums} pool; 0
 *     sends every pull there
 */
public record ConsumeSettings(
        boolean autoCreateSubscriptionGroup,
        String brokerName,
        String brokerAddr,
        boolean longPollingEnable,
        long shortPollingTimeMills,
        long flushConsumerOffsetInterval,
        int accessMessageInMemoryMaxRatio) {

    public ConsumeSettings {
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
        if (shortPollingTimeMills < 0 || shortPollingTimeMills > 20_000) {
            throw new IllegalArgumentException("shortPollingTimeMills must be 0..20000, was " + shortPollingTimeMills);
        }
        if (flushConsumerOffsetInterval < 1) {
            throw new IllegalArgumentException(
                    "flushConsumerOffsetInterval must be positive, was " + flushConsumerOffsetInterval);
        }
        if (accessMessageInMemoryMaxRatio < 0 || accessMessageInMemoryMaxRatio > 100) {
            throw new IllegalArgumentException(
                    "accessMessageInMemoryMaxRatio must be 0..100, was " + accessMessageInMemoryMaxRatio);
        }
    }

    /** RocketMQ's defaults for a broker named {@code brokerName} advertised at {@code brokerAddr}. */
    public static ConsumeSettings defaults(String brokerName, String brokerAddr) {
        return new ConsumeSettings(true, brokerName, brokerAddr, true, 1000, 5000, 40);
    }
}
