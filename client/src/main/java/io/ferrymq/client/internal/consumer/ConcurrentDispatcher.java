package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConcurrentListener;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ConcurrentListener} over batches of pulled messages on the consume threads. A
 * RETRY_LATER (or an exception) sends the batch back to the broker in clustering mode, and consumes it
 * again locally in 5 s if even that fails; broadcasting only logs. Consumed messages advance the
 * queue's offset. Thread-safe.
 */
public final class ConcurrentDispatcher implements ConsumeDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentDispatcher.class);
    private static final long LOCAL_RETRY_DELAY_MS = 5000;

    private final ConcurrentListener listener;
    private final ExecutorService consumeThreads;
    private final ScheduledExecutorService scheduler;
    private final ConsumerSettings settings;
    private final OffsetStore offsets;
    private final RetrySender retry;

    public ConcurrentDispatcher(
            ConcurrentListener listener,
            ExecutorService consumeThreads,
            ScheduledExecutorService scheduler,
            ConsumerSettings settings,
            OffsetStore offsets,
            RetrySender retry) {
        this.listener = listener;
        this.consumeThreads = consumeThreads;
        this.scheduler = scheduler;
        this.settings = settings;
        this.offsets = offsets;
        this.retry = retry;
    }

    @Override
    public void dispatch(ProcessQueue queue, List<MessageView> messages) {
        int size = settings.consumeBatchSize();
        for (int from = 0; from < messages.size(); from += size) {
            List<MessageView> batch = List.copyOf(messages.subList(from, Math.min(messages.size(), from + size)));
            submit(queue, batch);
        }
    }

    private void submit(ProcessQueue queue, List<MessageView> batch) {
        try {
            consumeThreads.execute(() -> consume(queue, batch));
        } catch (RejectedExecutionException closing) {
            queue.drop();
        }
    }

    private void consume(ProcessQueue queue, List<MessageView> batch) {
        if (queue.isDropped()) {
            return;
        }
        ConsumeResult result = Listeners.call(() -> listener.consume(batch), batch);
        List<MessageView> done = batch;
        if (result == ConsumeResult.RETRY_LATER) {
            done = settings.clustering() ? sendBack(queue, batch) : batch;
            if (!settings.clustering()) {
                LOG.warn("broadcasting consumer cannot retry; {} message(s) of {} dropped", batch.size(), queue);
            }
        }
        long offset = queue.remove(done);
        if (offset >= 0 && !queue.isDropped()) {
            offsets.update(queue.queue(), offset, true);
        }
    }

    /** Sends each message back; returns those now safe to forget, and retries the rest locally later. */
    private List<MessageView> sendBack(ProcessQueue queue, List<MessageView> batch) {
        List<MessageView> returned = new ArrayList<>();
        List<MessageView> kept = new ArrayList<>();
        for (MessageView message : batch) {
            (retry.sendBack(message) ? returned : kept).add(message);
        }
        if (!kept.isEmpty()) {
            try {
                scheduler.schedule(() -> submit(queue, kept), LOCAL_RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                queue.drop();
            }
        }
        return returned;
    }
}
