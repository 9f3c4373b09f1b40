package io.ferrymq.client;

import java.util.List;

/**
 * Consumes the messages of each queue one batch at a time, in queue order; in clustering mode only
 * while this consumer holds the broker's lock on that queue. Different queues are consumed in
 * parallel, so the listener must be thread-safe. A thrown exception counts as
 * {@link ConsumeResult#RETRY_LATER}: the queue pauses and the same batch comes again.
 */
@FunctionalInterface
public interface OrderlyListener {
    ConsumeResult consume(List<MessageView> messages);
}
