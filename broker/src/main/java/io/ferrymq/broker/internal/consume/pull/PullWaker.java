package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.consumequeue.DispatchListener;
import java.util.List;

/**
 * Wakes the held pulls of a queue when the dispatcher makes a message readable there (and its tags
 * hash may match their filter). Runs on the dispatcher thread: it only looks up and hands the pulls
 * to the {@link PullResumer}'s executor. Thread-safe.
 */
public final class PullWaker implements DispatchListener {
    private final HeldPulls held;
    private final PullResumer resumer;

    public PullWaker(HeldPulls held, PullResumer resumer) {
        this.held = held;
        this.resumer = resumer;
    }

    @Override
    public void onDispatched(
            String topic,
            int queueId,
            long queueOffset,
            long physicalOffset,
            int size,
            long storeTimestampMs,
            long tagsHash) {
        if (held.isEmpty()) {
            return;
        }
        List<HeldPull> woken = held.takeMatching(topic, queueId, tagsHash);
        if (!woken.isEmpty()) {
            resumer.resumeAll(woken);
        }
    }
}
