package io.ferrymq.client;

import io.ferrymq.protocol.message.MessageProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A message to send: topic, optional tag and keys, body and user properties. The client adds the
 * UNIQ_KEY (its {@link SendResult#msgId()}) when sending. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * Message order = Message.builder()
 *         .topic("Orders").tags("created").keys("order-42")
 *         .body("{\"id\":42}".getBytes(UTF_8))
 *         .property("region", "eu")
 *         .build();
 *
 * // delivered to consumers of "Reminders" no earlier than 30 minutes after the broker stores it
 * Message reminder = Message.builder()
 *         .topic("Reminders").body(bytes)
 *         .deliverAfter(Duration.ofMinutes(30))
 *         .build();
 * }</pre>
 *
 * <p>A delayed message ({@link Builder#deliverAt}, {@link Builder#deliverAfter}) is kept by the broker
 * until its time and then delivered with the same message id; a time now or past delivers at once.
 * The broker refuses delays beyond its {@code timerMaxDelaySec} (365 days by default). Delayed
 * messages cannot be sent in a batch.
 */
public final class Message {
    private static final Set<String> RESERVED = Set.of(
            MessageProperty.UNIQ_KEY,
            MessageProperty.KEYS,
            MessageProperty.TAGS,
            MessageProperty.WAIT,
            MessageProperty.DELAY,
            MessageProperty.TIMER_DELIVER_MS,
            MessageProperty.TIMER_DELAY_MS,
            MessageProperty.TIMER_DELAY_SEC,
            MessageProperty.RETRY_TOPIC,
            MessageProperty.REAL_TOPIC,
            MessageProperty.REAL_QID,
            MessageProperty.TRAN_MSG,
            MessageProperty.PGROUP,
            MessageProperty.MIN_OFFSET,
            MessageProperty.MAX_OFFSET,
            MessageProperty.RECONSUME_TIME,
            MessageProperty.MAX_RECONSUME_TIMES,
            MessageProperty.ORIGIN_MESSAGE_ID);

    private final String topic;
    private final String tags;
    private final List<String> keys;
    private final byte[] body;
    private final Map<String, String> properties;
    private final int flag;

    private Message(Builder builder) {
        this.topic = builder.topic;
        this.tags = builder.tags;
        this.keys = List.copyOf(builder.keys);
        this.body = builder.body;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
        this.flag = builder.flag;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A message with just a topic and a body. */
    public static Message of(String topic, byte[] body) {
        return builder().topic(topic).body(body).build();
    }

    public String topic() {
        return topic;
    }

    /** The tag, or null. */
    public String tags() {
        return tags;
    }

    /** Business keys for look-up by key; may be empty. */
    public List<String> keys() {
        return keys;
    }

    /** The body; the array is shared, do not change it. */
    public byte[] body() {
        return body;
    }

    /** User properties (not the ones the client sets itself). */
    public Map<String, String> properties() {
        return properties;
    }

    /** The user flag, stored verbatim. */
    public int flag() {
        return flag;
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", tags=" + tags + ", keys=" + keys + ", body=" + body.length + "B}";
    }

    /** Builds a {@link Message}. Not thread-safe. */
    public static final class Builder {
        private String topic;
        private String tags;
        private final List<String> keys = new ArrayList<>();
        private byte[] body;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private int flag;

        private Builder() {}

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder tags(String tags) {
            this.tags = tags;
            return this;
        }

        /** Adds business keys; none may contain a space (RocketMQ separates keys with spaces). */
        public Builder keys(String... keys) {
            for (String key : keys) {
                if (key == null || key.isBlank() || key.contains(" ")) {
                    throw new IllegalArgumentException("a key must be non-blank without spaces: '" + key + "'");
                }
                this.keys.add(key);
            }
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** Adds a user property; names the client reserves (UNIQ_KEY, TAGS, KEYS, DELAY, ...) are refused. */
        public Builder property(String name, String value) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("property name " + name + " is reserved for the client");
            }
            checkPropertyText(name);
            checkPropertyText(value);
            properties.put(name, value);
            return this;
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        /**
         * Delivers the message no earlier than {@code time} (by the broker's clock); replaces an
         * earlier {@link #deliverAfter}. A time now or past delivers at once.
         */
        public Builder deliverAt(Instant time) {
            properties.remove(MessageProperty.TIMER_DELAY_MS);
            properties.put(MessageProperty.TIMER_DELIVER_MS, Long.toString(time.toEpochMilli()));
            return this;
        }

        /**
         * Delivers the message no earlier than {@code delay} after the broker stores it; replaces an
         * earlier {@link #deliverAt}.
         *
         * @throws IllegalArgumentException when {@code delay} is negative
         */
        public Builder deliverAfter(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a delay cannot be negative: " + delay);
            }
            properties.remove(MessageProperty.TIMER_DELIVER_MS);
            properties.put(MessageProperty.TIMER_DELAY_MS, Long.toString(delay.toMillis()));
            return this;
        }

        /** @throws IllegalArgumentException when the topic or body is missing */
        public Message build() {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("a message needs a topic");
            }
            Objects.requireNonNull(body, "a message needs a body");
            if (tags != null) {
                checkPropertyText(tags);
            }
            return new Message(this);
        }

        private static void checkPropertyText(String text) {
            if (text == null || text.indexOf(1) >= 0 || text.indexOf(2) >= 0) {
                throw new IllegalArgumentException("property text must be non-null without \\u0001 or \\u0002");
            }
        }
    }
}
