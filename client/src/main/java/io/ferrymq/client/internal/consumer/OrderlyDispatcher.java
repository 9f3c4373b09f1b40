package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.OrderlyListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an {@link OrderlyListener}: at most one task per queue, taking the queue's oldest messages a
 * batch at a time, only while the queue's broker lock is valid (clustering). RETRY_LATER (or an
 * exception) puts the batch back first and pauses the queue for a second: the rest of the queue waits,
 * so order is kept. After {@code maxReconsumeTimes} failed attempts of the same batch its messages go
 * to the group's dead-letter queue and the queue moves on, so a poison message never blocks a queue
 * forever (a negative {@code maxReconsumeTimes} retries without end). Thread-safe.
 */
public final class OrderlyDispatcher implements ConsumeDispatcher {
    private static final long PAUSE_MS = 1000;

    private final OrderlyListener listener;
    private final ExecutorService consumeThreads;
    private final ScheduledExecutorService scheduler;
    private final ConsumerSettings settings;
    private final OffsetStore offsets;
    private final Clock clock;
    private final RetrySender deadLetters;

    public OrderlyDispatcher(
            OrderlyListener listener,
            ExecutorService consumeThreads,
            ScheduledExecutorService scheduler,
            ConsumerSettings settings,
            OffsetStore offsets,
            Clock clock,
            RetrySender deadLetters) {
        this.listener = listener;
        this.consumeThreads = consumeThreads;
        this.scheduler = scheduler;
        this.settings = settings;
        this.offsets = offsets;
        this.clock = clock;
        this.deadLetters = deadLetters;
    }

    @Override
    public void dispatch(ProcessQueue queue, List<MessageView> messages) {
        schedule(queue);
    }

    private void schedule(ProcessQueue queue) {
        if (queue.isDropped() || !queue.consumerScheduled().compareAndSet(false, true)) {
            return;
        }
        try {
            consumeThreads.execute(() -> run(queue));
        } catch (RejectedExecutionException closing) {
            queue.drop();
        }
    }

    private void run(ProcessQueue queue) {
        boolean pause;
        try {
            pause = drain(queue);
        } finally {
            queue.consumerScheduled().set(false);
        }
        if (pause) {
            try {
                scheduler.schedule(() -> schedule(queue), PAUSE_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                queue.drop();
            }
        } else if (!queue.isEmpty()) {
            schedule(queue);
        }
    }

    /** Consumes until the queue is empty; true when it must pause (retry or lock lost). */
    private boolean drain(ProcessQueue queue) {
        while (!queue.isDropped()) {
            if (settings.needsLocks() && !queue.isLocked(clock.millis())) {
                return true;
            }
            queue.consumeLock().lock();
            try {
                if (queue.isDropped()) {
                    return false;
                }
                List<MessageView> batch = queue.takeInOrder(settings.consumeBatchSize());
                if (batch.isEmpty()) {
                    return false;
                }
                if (Listeners.call(() -> listener.consume(batch), batch) != ConsumeResult.SUCCESS
                        && !giveUp(queue, batch)) {
                    queue.returnTaken();
                    return true;
                }
                queue.resetFailedAttempts();
                offsets.update(queue.queue(), queue.commitTaken(), true);
            } finally {
                queue.consumeLock().unlock();
            }
        }
        return false;
    }

    /**
     * Counts a failed attempt of the queue's head batch; past the maximum, dead-letters the batch and
     * answers true (move on). False: retry it after the pause.
     */
    private boolean giveUp(ProcessQueue queue, List<MessageView> batch) {
        int attempts = queue.failedAttempt();
        int max = settings.maxReconsumeTimes();
        if (max < 0 || attempts <= max) {
            return false;
        }
        for (MessageView message : batch) {
            if (!deadLetters.sendToDeadLetter(message)) {
                return false; // the broker is out of reach: keep the order, try again later
            }
        }
        return true;
    }
}
