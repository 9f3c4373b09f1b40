package io.ferrymq.dlq;

/** Where {@link DeadLetterOffice#replay} sends a dead letter back to. */
public enum ReplayTarget {
    /**
     * The topic it was first sent to: every consumer group subscribed to that topic receives it again,
     * not only the group whose DLQ held it.
     */
    ORIGINAL_TOPIC,
    /** The group's {@code %RETRY%<group>}: only that group receives it (as from its original topic). */
    RETRY_TOPIC
}
