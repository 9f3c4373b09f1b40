package io.ferrymq.dlq;

/**
 * Picks the queue a replayed message is appended to; the broker implements it from its topic config
 * (for example a random writable queue of the topic). Must be safe to call from the thread that calls
 * {@link DeadLetterOffice#replay}.
 */
@FunctionalInterface
public interface QueueChooser {
    /**
     * A queue id of {@code topic}.
     *
     * @throws RuntimeException when the topic cannot take the message (unknown, not writable); the
     *     replay of that message then fails with the exception's message
     */
    int queueFor(String topic);
}
