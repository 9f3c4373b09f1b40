package io.ferrymq.dlq;

/**
 * The names of a consumer group's retry topic {@code %RETRY%<group>} and dead-letter topic {@code
 * %DLQ%<group>} (RocketMQ's). A dead-letter topic has one queue, {@link #DLQ_QUEUE_ID}.
 *
 * <p>Stateless; safe from any thread.
 */
public final class RetryTopics {
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DLQ_PREFIX = "%DLQ%";
    /** The one queue of a dead-letter topic. */
    public static final int DLQ_QUEUE_ID = 0;

    private RetryTopics() {}

    public static String retry(String group) {
        return RETRY_PREFIX + checkGroup(group);
    }

    public static String dlq(String group) {
        return DLQ_PREFIX + checkGroup(group);
    }

    public static boolean isRetry(String topic) {
        return topic != null && topic.length() > RETRY_PREFIX.length() && topic.startsWith(RETRY_PREFIX);
    }

    public static boolean isDlq(String topic) {
        return topic != null && topic.length() > DLQ_PREFIX.length() && topic.startsWith(DLQ_PREFIX);
    }

    /** The group of a retry or dead-letter topic, or null for any other topic. */
    public static String groupOf(String topic) {
        if (isRetry(topic)) {
            return topic.substring(RETRY_PREFIX.length());
        }
        return isDlq(topic) ? topic.substring(DLQ_PREFIX.length()) : null;
    }

    private static String checkGroup(String group) {
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("a consumer group name is required");
        }
        return group;
    }
}
