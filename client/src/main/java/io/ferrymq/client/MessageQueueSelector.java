package io.ferrymq.client;

import java.util.List;

/**
 * Picks the queue of a message, to keep related messages in one queue (and so in order).
 * Called on the sending thread; must be thread-safe if the producer is shared.
 */
@FunctionalInterface
public interface MessageQueueSelector {
    /**
     * @param queues the topic's writable queues, sorted; never empty
     * @param arg what the caller passed to {@link Producer#send(Message, MessageQueueSelector, Object)}
     */
    MessageQueue select(List<MessageQueue> queues, Message message, Object arg);
}
