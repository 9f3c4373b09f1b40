package io.ferrymq.broker.internal.topic;

import io.ferrymq.scheduler.TimerTopic;
import java.util.Set;

/**
 * RocketMQ's topic-name rules (wire-protocol §4.3): characters {@code [%|a-zA-Z0-9_-]}, at most 127
 * characters (255 for {@code %RETRY%} and {@code %DLQ%} topics), and the system topics producers may
 * not write. Stateless.
 */
public final class TopicNames {
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DLQ_PREFIX = "%DLQ%";
    public static final int MAX_LENGTH = 127;
    public static final int MAX_RETRY_OR_DLQ_LENGTH = 255;

    /** Topics no producer may send to. */
    private static final Set<String> NOT_WRITABLE_BY_PRODUCERS = Set.of(
            "SCHEDULE_TOPIC_XXXX",
            TimerTopic.NAME,
            "RMQ_SYS_TRANS_HALF_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC",
            SELF_TEST_TOPIC,
            OFFSET_MOVED_EVENT);

    private TopicNames() {}

    /** Why {@code topic} is not a legal name, or null when it is. */
    public static String problem(String topic) {
        if (topic == null || topic.isBlank()) {
            return "the topic name is blank";
        }
        int max = isRetry(topic) || topic.startsWith(DLQ_PREFIX) ? MAX_RETRY_OR_DLQ_LENGTH : MAX_LENGTH;
        if (topic.length() > max) {
            return "the topic name is " + topic.length() + " characters long, at most " + max + " are allowed";
        }
        for (int i = 0; i < topic.length(); i++) {
            if (!legal(topic.charAt(i))) {
                return "the topic[" + topic + "] contains illegal characters; allowed: ^[%|a-zA-Z0-9_-]+$";
            }
        }
        return null;
    }

    public static boolean isRetry(String topic) {
        return topic.startsWith(RETRY_PREFIX);
    }

    /** Whether producers are refused (NO_PERMISSION) for {@code topic}. */
    public static boolean isNotWritableByProducers(String topic) {
        return NOT_WRITABLE_BY_PRODUCERS.contains(topic);
    }

    private static boolean legal(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '%'
                || c == '|'
                || c == '_'
                || c == '-';
    }
}
