package io.ferrymq.consumequeue;

/**
 * How a read of a queue ended (RocketMQ's GetMessageStatus names; the broker maps them to pull
 * response codes as in wire-protocol §4.4).
 */
public enum GetStatus {
    /** At least one matching message was returned. */
    FOUND,
    /** Entries were scanned but none matched the filter. */
    NO_MATCHED_MESSAGE,
    /** Entries were scanned but their records are being deleted by retention. */
    MESSAGE_WAS_REMOVING,
    /** Entries were scanned but their records could not be read from the commit log. */
    OFFSET_FOUND_NULL,
    /** The requested offset equals the max offset: the consumer is caught up. */
    OFFSET_OVERFLOW_ONE,
    /** The requested offset is past the max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The requested offset is below the min offset. */
    OFFSET_TOO_SMALL,
    /** The queue exists but has never held a message (max offset 0). */
    NO_MESSAGE_IN_QUEUE,
    /** Nothing was ever dispatched to this (topic, queue). */
    NO_MATCHED_LOGIC_QUEUE
}
