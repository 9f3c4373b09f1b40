package io.ferrymq.client;

import io.ferrymq.client.internal.ClientIds;
import io.ferrymq.client.internal.ClientRuntime;
import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.client.internal.WireBodies.ProducerData;
import io.ferrymq.client.internal.producer.MessageSender;
import io.ferrymq.client.internal.producer.OutgoingMessage;
import io.ferrymq.client.internal.producer.PublishQueues;
import io.ferrymq.client.internal.producer.QueuePick;
import io.ferrymq.client.internal.producer.SendCodec;
import io.ferrymq.client.internal.producer.SendRetryPolicy;
import io.ferrymq.client.internal.producer.SendSettings;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends messages to a FerryMQ (or Apache RocketMQ) cluster found through its nameservers.
 *
 * <pre>{@code
 * try (Producer producer = Producer.builder()
 *         .namesrvAddr("127.0.0.1:9876")
 *         .producerGroup("orders-producer")
 *         .build()) {
 *     SendResult sent = producer.send(Message.builder()
 *             .topic("Orders").tags("created").keys("order-42")
 *             .body("hello".getBytes(StandardCharsets.UTF_8))
 *             .build());
 *     producer.sendAsync(Message.of("Orders", "async".getBytes(StandardCharsets.UTF_8)))
 *             .thenAccept(result -> System.out.println("stored at " + result.queueOffset()));
 *     // all messages of one order go to one queue, so consumers see them in order
 *     producer.send(Message.of("Orders", "paid".getBytes(StandardCharsets.UTF_8)), "order-42");
 * }
 * }</pre>
 *
 * <p>Sends to a topic the nameserver does not know yet go to queues derived from the auto-create
 * template TBW102, so the broker creates the topic. A send failing with a retryable code or without an
 * answer is retried ({@link Builder#retries}) on another queue, preferably on another broker, within
 * the one {@link Builder#sendTimeout}. Bodies are checked against {@link Builder#maxMessageSize} before
 * they leave.
 *
 * <p>Thread-safe: share one producer across threads. Connects lazily; {@link #close()} unregisters
 * from every broker it talked to.
 */
public final class Producer implements AutoCloseable {
    private final ClientRuntime runtime;
    private final MessageSender sender;
    private final UniqueKeyGenerator uniqueKeys;
    private final QueuePick roundRobin = QueuePick.roundRobin(new AtomicInteger());
    private final String producerGroup;

    private Producer(Builder builder) {
        this.producerGroup = builder.producerGroup;
        SendSettings settings = new SendSettings(
                builder.producerGroup,
                builder.sendTimeout.toMillis(),
                new SendRetryPolicy(builder.retries),
                builder.compressOverBytes,
                builder.maxMessageSize);
        this.runtime = new ClientRuntime(builder.namesrvAddr, builder.clock, "producer", this::heartbeatData);
        this.sender = new MessageSender(
                runtime.rpc(),
                runtime.routes(),
                new PublishQueues(runtime.routes()),
                settings,
                builder.clock,
                runtime.scheduler());
        this.uniqueKeys = UniqueKeyGenerator.forProcess(ClientIds.localAddress(), builder.clock);
        runtime.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends and waits for the broker's answer.
     *
     * @throws ClientException when every attempt failed, or the message is too large or has no route
     */
    public SendResult send(Message message) {
        return sender.send(single(message), roundRobin);
    }

    /** Sends without blocking; the future fails with a {@link ClientException} as {@link #send(Message)} throws. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return sender.sendAsync(single(message), roundRobin);
    }

    /** Sends without waiting for any answer and without retries: fastest, and may lose the message. */
    public void sendOneway(Message message) {
        sender.sendOneway(single(message), roundRobin);
    }

    /**
     * Sends messages of one topic as one batch request: stored together in one queue, consecutive offsets.
     *
     * @return one result: {@code msgId} and {@code offsetMsgId} list every message, comma-joined;
     *     {@code queueOffset} is the first message's
     * @throws IllegalArgumentException when the batch is empty or mixes topics
     */
    public SendResult send(List<Message> batch) {
        List<String> keys = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            keys.add(uniqueKeys.next());
        }
        OutgoingMessage message = SendCodec.batch(batch, keys, uniqueKeys.next());
        return sender.send(message, roundRobin);
    }

    /** Sends to the queue {@code selector} picks; retries stay on that queue. */
    public SendResult send(Message message, MessageQueueSelector selector, Object arg) {
        Objects.requireNonNull(selector, "selector");
        QueuePick pick = (queues, failedBroker) -> {
            MessageQueue chosen = selector.select(queues, message, arg);
            if (chosen == null || !queues.contains(chosen)) {
                throw new ClientException("the selector chose " + chosen + ", not one of " + queues);
            }
            return chosen;
        };
        return sender.send(single(message), pick);
    }

    /** Sends to the queue chosen by {@code shardingKey}'s hash, so messages of one key keep their order. */
    public SendResult send(Message message, String shardingKey) {
        Objects.requireNonNull(shardingKey, "shardingKey");
        return send(message, Producer::byKey, shardingKey);
    }

    /** The writable queues of {@code topic}, sorted, as a selector would see them. */
    public List<MessageQueue> queues(String topic) {
        return sender.queues(topic);
    }

    /**
     * Sends {@code message} as a transaction's half message (TRAN_MSG, PGROUP, the PREPARED sysFlag
     * type): the broker keeps it invisible until END_TRANSACTION. For {@link TransactionProducer}.
     */
    SendResult sendHalf(Message message) {
        OutgoingMessage plain = single(message);
        String properties = MessageProperties.encodeToString(
                withHalfProperties(MessageProperties.parse(plain.properties()), producerGroup));
        OutgoingMessage half = new OutgoingMessage(
                plain.topic(),
                plain.flag(),
                plain.body(),
                MessageSysFlag.withTransactionType(plain.sysFlag(), MessageSysFlag.TRANSACTION_PREPARED_TYPE),
                properties,
                plain.msgId(),
                null,
                null,
                false);
        return sender.send(half, roundRobin);
    }

    private static Map<String, String> withHalfProperties(Map<String, String> properties, String group) {
        Map<String, String> out = new LinkedHashMap<>(properties);
        out.put(MessageProperty.TRAN_MSG, "true");
        out.put(MessageProperty.PGROUP, group);
        return out;
    }

    ClientRuntime runtime() {
        return runtime;
    }

    String producerGroup() {
        return producerGroup;
    }

    static MessageQueue byKey(List<MessageQueue> queues, Message message, Object key) {
        return queues.get(Math.floorMod(key.hashCode(), queues.size()));
    }

    private OutgoingMessage single(Message message) {
        int max = sender.settings().maxMessageBytes();
        if (message.body().length > max) {
            throw new ClientException(
                    "message body of " + message.body().length + " bytes is over the limit of " + max);
        }
        return SendCodec.single(message, uniqueKeys.next(), sender.settings().compressOverBytes());
    }

    private HeartbeatData heartbeatData() {
        return new HeartbeatData(runtime.clientId(), List.of(), List.of(new ProducerData(producerGroup)), 0, false);
    }

    /** Unregisters from the brokers and closes connections. Idempotent enough: a second call does nothing useful. */
    @Override
    public void close() {
        runtime.unregister(producerGroup, null);
        runtime.close();
    }

    /** Configures a {@link Producer}. Not thread-safe. */
    public static final class Builder {
        private String namesrvAddr;
        private String producerGroup;
        private Duration sendTimeout = Duration.ofSeconds(3);
        private int retries = 2;
        private int compressOverBytes = 4096;
        private int maxMessageSize = 4 * 1024 * 1024;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** {@code host:port}, several separated by {@code ;}. Required. */
        public Builder namesrvAddr(String namesrvAddr) {
            this.namesrvAddr = namesrvAddr;
            return this;
        }

        /** Required. */
        public Builder producerGroup(String producerGroup) {
            this.producerGroup = producerGroup;
            return this;
        }

        /** Time for a whole send, retries included; default 3 s. */
        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        /** Extra attempts after a retryable failure; default 2. */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** Compress single-message bodies of at least this many bytes with zlib; default 4096, 0 never. */
        public Builder compressOver(int bytes) {
            this.compressOverBytes = bytes;
            return this;
        }

        /** Largest body accepted; default 4 MiB, as the broker's default limit. */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /** The clock for born timestamps and timeouts; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Builds and starts the producer. */
        public Producer build() {
            if (namesrvAddr == null) {
                throw new IllegalArgumentException("namesrvAddr is required");
            }
            return new Producer(this);
        }
    }
}
