package io.ferrymq.scheduler;

/**
 * Settings of a {@link DelayedDelivery}. Immutable; every value is checked at construction.
 *
 * @param delayLevels {@code messageDelayLevel}: what {@code DELAY} levels mean
 * @param maxDelayMs {@code timerMaxDelaySec} in ms: the furthest a timer property's delivery time
 *     may lie from now (default 365 days); delay levels are not limited by it
 * @param wheelWindowMs how far ahead of now the time wheels hold timers (default 60 s); later ones
 *     stay on disk in the index until the window reaches them
 * @param maxWheelEntries about how many timers the wheels hold at most (default 1,000,000, about 24
 *     MiB); beyond it the window shrinks and the rest waits in the index
 * @param wheelLevels levels of the layered wheel (default 3)
 * @param wheelSlotsPerLevel slots per level, a power of two (default 512: level 0 spans 512 ms of
 *     1 ms slots, level 1 about 4.4 minutes, level 2 about 37 hours)
 * @param loadBatchSize index entries read per refill step (default 16,384)
 * @param indexBatchSize timer-topic records indexed per step, in one RocksDB batch (default 4,096)
 * @param handoffCapacity entries the index agent may have in flight to the driver, a power of two
 *     (default 65,536)
 * @param maxInFlight appends of due messages not yet completed, at most (default 65,536)
 * @param retryBackoffMs how long a due message whose append was refused (disk full) waits before it
 *     is tried again (default 100)
 * @param fenceStepMs how far past a fired timer the fire fence is moved in one write (default 100);
 *     after a crash, timers due before the fence are checked for a delivery that already landed
 * @param maxParkMs longest the driver sleeps without looking at the clock (default 1000)
 * @param indexIdleMs how long the index agent idles when it has nothing to do (default 10)
 * @param statsScanCap index entries counted at most per {@link DelayedDelivery#stats()} (default
 *     1,000,000)
 */
public record TimerConfig(
        DelayLevels delayLevels,
        long maxDelayMs,
        long wheelWindowMs,
        int maxWheelEntries,
        int wheelLevels,
        int wheelSlotsPerLevel,
        int loadBatchSize,
        int indexBatchSize,
        int handoffCapacity,
        int maxInFlight,
        long retryBackoffMs,
        long fenceStepMs,
        long maxParkMs,
        long indexIdleMs,
        int statsScanCap) {

    public static final long DEFAULT_MAX_DELAY_MS = 365L * 24 * 3_600_000;

    public TimerConfig {
        if (delayLevels == null) {
            throw new IllegalArgumentException("messageDelayLevel must be set");
        }
        positive("timerMaxDelaySec", maxDelayMs);
        positive("wheelWindowMs", wheelWindowMs);
        positive("maxWheelEntries", maxWheelEntries);
        positive("loadBatchSize", loadBatchSize);
        positive("indexBatchSize", indexBatchSize);
        positive("maxInFlight", maxInFlight);
        positive("retryBackoffMs", retryBackoffMs);
        positive("fenceStepMs", fenceStepMs);
        positive("maxParkMs", maxParkMs);
        positive("indexIdleMs", indexIdleMs);
        positive("statsScanCap", statsScanCap);
        if (handoffCapacity < 1 || Integer.bitCount(handoffCapacity) != 1) {
            throw new IllegalArgumentException("handoffCapacity must be a power of two, was " + handoffCapacity);
        }
        if (wheelSlotsPerLevel < 2 || Integer.bitCount(wheelSlotsPerLevel) != 1) {
            throw new IllegalArgumentException(
                    "wheelSlotsPerLevel must be a power of two >= 2, was " + wheelSlotsPerLevel);
        }
        int bits = Integer.numberOfTrailingZeros(wheelSlotsPerLevel);
        if (wheelLevels < 1 || (long) wheelLevels * bits > 48) {
            throw new IllegalArgumentException("wheelLevels must be 1.." + 48 / bits + ", was " + wheelLevels);
        }
        long reach = (long) (wheelSlotsPerLevel - 1) << ((wheelLevels - 1) * bits);
        if (reach < 2 * wheelWindowMs) {
            throw new IllegalArgumentException("the wheels reach " + reach
                    + " ms ahead, less than twice wheelWindowMs (" + wheelWindowMs + "): add a level or slots");
        }
    }

    /** The defaults above. */
    public static TimerConfig defaults() {
        return new TimerConfig(
                DelayLevels.DEFAULT,
                DEFAULT_MAX_DELAY_MS,
                60_000,
                1_000_000,
                3,
                512,
                16_384,
                4_096,
                65_536,
                65_536,
                100,
                100,
                1_000,
                10,
                1_000_000);
    }

    public TimerConfig withDelayLevels(DelayLevels levels) {
        return new TimerConfig(
                levels,
                maxDelayMs,
                wheelWindowMs,
                maxWheelEntries,
                wheelLevels,
                wheelSlotsPerLevel,
                loadBatchSize,
                indexBatchSize,
                handoffCapacity,
                maxInFlight,
                retryBackoffMs,
                fenceStepMs,
                maxParkMs,
                indexIdleMs,
                statsScanCap);
    }

    /** {@code timerMaxDelaySec}, in seconds. */
    public TimerConfig withMaxDelaySec(long seconds) {
        return new TimerConfig(
                delayLevels,
                Math.multiplyExact(seconds, 1000),
                wheelWindowMs,
                maxWheelEntries,
                wheelLevels,
                wheelSlotsPerLevel,
                loadBatchSize,
                indexBatchSize,
                handoffCapacity,
                maxInFlight,
                retryBackoffMs,
                fenceStepMs,
                maxParkMs,
                indexIdleMs,
                statsScanCap);
    }

    public TimerConfig withWheel(long windowMs, int maxEntries) {
        return new TimerConfig(
                delayLevels,
                maxDelayMs,
                windowMs,
                maxEntries,
                wheelLevels,
                wheelSlotsPerLevel,
                loadBatchSize,
                indexBatchSize,
                handoffCapacity,
                maxInFlight,
                retryBackoffMs,
                fenceStepMs,
                maxParkMs,
                indexIdleMs,
                statsScanCap);
    }

    public TimerConfig withBatches(int loadBatch, int indexBatch, int handoff, int inFlight) {
        return new TimerConfig(
                delayLevels,
                maxDelayMs,
                wheelWindowMs,
                maxWheelEntries,
                wheelLevels,
                wheelSlotsPerLevel,
                loadBatch,
                indexBatch,
                handoff,
                inFlight,
                retryBackoffMs,
                fenceStepMs,
                maxParkMs,
                indexIdleMs,
                statsScanCap);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
