package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.MessageModel;
import java.nio.file.Path;

/**
 * A push consumer's settings. Immutable.
 *
 * @param orderly whether the listener is orderly (queue locks, one batch per queue at a time)
 * @param offsetDir where broadcasting offsets are kept
 */
public record ConsumerSettings(
        String group,
        MessageModel messageModel,
        ConsumeFrom consumeFrom,
        boolean orderly,
        int consumeThreads,
        int pullBatchSize,
        int consumeBatchSize,
        int maxReconsumeTimes,
        FlowControl flowControl,
        Path offsetDir) {

    /** How long the broker may hold a pull when there is nothing new. */
    public static final long SUSPEND_TIMEOUT_MS = 15_000;
    /** The RPC timeout of a held pull. */
    public static final long PULL_TIMEOUT_MS = 30_000;

    public ConsumerSettings {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a consumer group is required");
        }
        if (consumeThreads < 1 || pullBatchSize < 1 || consumeBatchSize < 1) {
            throw new IllegalArgumentException("consumeThreads, pullBatchSize and consumeBatchSize must be >= 1");
        }
    }

    public boolean clustering() {
        return messageModel == MessageModel.CLUSTERING;
    }

    /** Whether queues must be locked on the broker before they are pulled. */
    public boolean needsLocks() {
        return orderly && clustering();
    }

    /** {@code %RETRY%<group>}. */
    public String retryTopic() {
        return "%RETRY%" + group;
    }
}
