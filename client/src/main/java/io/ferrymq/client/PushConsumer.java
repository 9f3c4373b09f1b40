package io.ferrymq.client;

import io.ferrymq.client.internal.consumer.ConsumerEngine;
import io.ferrymq.client.internal.consumer.ConsumerSettings;
import io.ferrymq.client.internal.consumer.FlowControl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Receives messages of its subscriptions and hands them to a listener; pulling, rebalancing, offsets
 * and retries are done for it.
 *
 * <pre>{@code
 * try (PushConsumer consumer = PushConsumer.builder()
 *         .namesrvAddr("127.0.0.1:9876")
 *         .consumerGroup("billing")
 *         .subscribe("Orders", "created || paid")
 *         .consumeFrom(ConsumeFrom.FIRST)
 *         .listener(messages -> {
 *             messages.forEach(m -> System.out.println(m.tags() + " " + new String(m.body(), UTF_8)));
 *             return ConsumeResult.SUCCESS;
 *         })
 *         .build()) {
 *     Thread.sleep(60_000); // consuming on the consumer's own threads meanwhile
 * }
 * }</pre>
 *
 * <p>How it works, in RocketMQ's terms: clients of one group share each topic's queues (CLUSTERING:
 * average allocation over sorted queues and client ids, redone every 20 s and whenever the broker
 * reports a membership change) or each take all of them (BROADCASTING). Each owned queue has one
 * long-polling pull outstanding. A queue holding more than 1000 messages or 100 MiB not yet consumed
 * pauses. Offsets are committed every 5 s and on close: on the broker (clustering) or in
 * {@code <offsetStoreDir>/<group>/offsets.json} (broadcasting). A concurrent listener's RETRY_LATER
 * sends the messages back for redelivery through {@code %RETRY%<group>}. An orderly listener gets each
 * queue's messages in order, one batch at a time, only while this client holds the broker's lock on
 * the queue (clustering).
 *
 * <p>Delivery is at least once: after a crash, or when queues move between clients, some messages may
 * come again. Thread-safe; start it with {@link Builder#build()}, stop it with {@link #close()}.
 */
public final class PushConsumer implements AutoCloseable {
    private final ConsumerEngine engine;

    private PushConsumer(ConsumerEngine engine) {
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The queues this consumer pulls right now (including its retry queue), sorted. */
    public Set<MessageQueue> assignedQueues() {
        return engine.assignedQueues();
    }

    /** This client's id, as the broker lists it among the group's consumers. */
    public String clientId() {
        return engine.clientId();
    }

    /** Stops pulling, waits up to 10 s for running listeners, commits offsets, releases locks, unregisters. */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link PushConsumer}. Not thread-safe. */
    public static final class Builder {
        private String namesrvAddr;
        private String consumerGroup;
        private final Map<String, String> subscriptions = new LinkedHashMap<>();
        private MessageModel messageModel = MessageModel.CLUSTERING;
        private ConsumeFrom consumeFrom = ConsumeFrom.LAST;
        private Object listener;
        private int consumeThreads = 8;
        private int pullBatchSize = 32;
        private int consumeBatchSize = 1;
        private int maxReconsumeTimes = 16;
        private int flowControlMessages = FlowControl.DEFAULT.maxMessages();
        private long flowControlBytes = FlowControl.DEFAULT.maxBytes();
        private Path offsetStoreDir = Path.of(System.getProperty("user.home"), ".ferrymq", "offsets");
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** {@code host:port}, several separated by {@code ;}. Required. */
        public Builder namesrvAddr(String namesrvAddr) {
            this.namesrvAddr = namesrvAddr;
            return this;
        }

        /** Required. */
        public Builder consumerGroup(String consumerGroup) {
            this.consumerGroup = consumerGroup;
            return this;
        }

        /** Subscribes {@code topic}: {@code "*"} for every message, or tags such as {@code "A || B"}. */
        public Builder subscribe(String topic, String tagExpression) {
            subscriptions.put(Objects.requireNonNull(topic, "topic"), tagExpression == null ? "*" : tagExpression);
            return this;
        }

        /** Default CLUSTERING. */
        public Builder messageModel(MessageModel messageModel) {
            this.messageModel = Objects.requireNonNull(messageModel);
            return this;
        }

        /** Where a group without a committed offset starts; default {@link ConsumeFrom#LAST}. */
        public Builder consumeFrom(ConsumeFrom consumeFrom) {
            this.consumeFrom = Objects.requireNonNull(consumeFrom);
            return this;
        }

        /** Concurrent consumption; the last of {@code listener}/{@code orderlyListener} called wins. */
        public Builder listener(ConcurrentListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Per-queue ordered consumption instead of a concurrent listener. */
        public Builder orderlyListener(OrderlyListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Listener threads; default 8. */
        public Builder consumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
            return this;
        }

        /** Most messages per pull; default 32. */
        public Builder pullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
            return this;
        }

        /** Most messages per listener call; default 1. */
        public Builder consumeBatchSize(int consumeBatchSize) {
            this.consumeBatchSize = consumeBatchSize;
            return this;
        }

        /**
         * Failed deliveries after which a message goes to {@code %DLQ%<group>}; default 16. Concurrent
         * listeners: the broker redelivers with growing back-off, then dead-letters. Orderly listeners:
         * retried in place (the rest of the queue waits, order kept) this many times, then
         * dead-lettered so the queue moves on; negative retries an orderly batch without end.
         */
        public Builder maxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
            return this;
        }

        /** Pause pulling a queue holding more than this many messages or body bytes; default 1000 and 100 MiB. */
        public Builder flowControl(int maxMessages, long maxBytes) {
            this.flowControlMessages = maxMessages;
            this.flowControlBytes = maxBytes;
            return this;
        }

        /** Where BROADCASTING offsets are kept; default {@code ~/.ferrymq/offsets}. */
        public Builder offsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = Objects.requireNonNull(offsetStoreDir);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Builds and starts the consumer: heartbeats, takes its queues and starts pulling.
         *
         * @throws IllegalArgumentException when something required is missing
         * @throws ClientException when the nameserver or brokers cannot be reached
         */
        public PushConsumer build() {
            if (namesrvAddr == null || subscriptions.isEmpty() || listener == null) {
                throw new IllegalArgumentException(
                        "namesrvAddr, at least one subscription and a listener are required");
            }
            ConsumerSettings settings = new ConsumerSettings(
                    consumerGroup,
                    messageModel,
                    consumeFrom,
                    listener instanceof OrderlyListener,
                    consumeThreads,
                    pullBatchSize,
                    consumeBatchSize,
                    maxReconsumeTimes,
                    new FlowControl(flowControlMessages, flowControlBytes),
                    offsetStoreDir);
            ConsumerEngine engine = new ConsumerEngine(namesrvAddr, settings, subscriptions, listener, clock);
            try {
                engine.start();
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            return new PushConsumer(engine);
        }
    }
}
