package io.ferrymq.client;

import java.util.List;

/**
 * Consumes messages on any of the consumer's threads, in no particular order. A thrown exception
 * counts as {@link ConsumeResult#RETRY_LATER}. Must be thread-safe.
 */
@FunctionalInterface
public interface ConcurrentListener {
    ConsumeResult consume(List<MessageView> messages);
}
