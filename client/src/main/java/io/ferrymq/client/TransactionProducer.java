package io.ferrymq.client;

import io.ferrymq.client.internal.ClientRuntime;
import io.ferrymq.client.internal.consumer.PullBodyDecoder;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.ferrymq.protocol.header.broker.EndTransactionRequestHeader;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.remoting.RemoteChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages tied to a local transaction: delivered to consumers if and only if the local
 * transaction committed, even when this process dies half way.
 *
 * <pre>{@code
 * try (TransactionProducer producer = TransactionProducer.builder()
 *         .namesrvAddr("127.0.0.1:9876")
 *         .producerGroup("orders-tx")
 *         .localTransaction((message, msgId, order) -> {
 *             database.saveOrder((Order) order, msgId); // commits locally
 *             return TransactionState.COMMIT;
 *         })
 *         .checker(message -> database.hasOrderFor(message.msgId())
 *                 ? TransactionState.COMMIT : TransactionState.ROLLBACK)
 *         .build()) {
 *     producer.send(Message.of("Orders", bytes), order);
 * }
 * }</pre>
 *
 * <p>How: {@link #send} stores the message as a half message (invisible), runs the {@link
 * LocalTransaction}, then tells the broker its decision (END_TRANSACTION). When the decision is UNKNOWN
 * or never arrives (this process died, the network failed), the broker later asks a live producer of
 * the group — this one or another, also one started afterwards — through the {@link
 * TransactionChecker} (CHECK_TRANSACTION_STATE). Works against FerryMQ and Apache RocketMQ brokers.
 *
 * <p>Thread-safe. Checks run on a small pool of this producer's own threads.
 */
public final class TransactionProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionProducer.class);
    private static final HeaderBinding<EndTransactionRequestHeader> END =
            HeaderBinding.of(EndTransactionRequestHeader.class);
    private static final HeaderBinding<CheckTransactionStateRequestHeader> CHECK =
            HeaderBinding.of(CheckTransactionStateRequestHeader.class);

    private final Producer producer;
    private final LocalTransaction localTransaction;
    private final TransactionChecker checker;
    private final ExecutorService checks;

    private TransactionProducer(Builder builder) {
        this.localTransaction = builder.localTransaction;
        this.checker = builder.checker;
        this.checks = Executors.newFixedThreadPool(builder.checkThreads, runnable -> {
            Thread thread = new Thread(runnable, "ferrymq-transaction-check");
            thread.setDaemon(true);
            return thread;
        });
        this.producer = builder.producer.build();
        ClientRuntime runtime = producer.runtime();
        runtime.remoting().registerHandler(RequestCode.CHECK_TRANSACTION_STATE, this::onCheck, checks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores {@code message} as a half message, runs the local transaction with {@code arg}, and tells
     * the broker its decision.
     *
     * @throws ClientException when the half message could not be stored (the local transaction did
     *     not run)
     */
    public TransactionSendResult send(Message message, Object arg) {
        SendResult half = producer.sendHalf(message);
        TransactionState state;
        try {
            state = localTransaction.execute(message, half.msgId(), arg);
            if (state == null) {
                state = TransactionState.UNKNOWN;
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("the local transaction of {} failed; the broker will check it later", half.msgId(), e);
            state = TransactionState.UNKNOWN;
        }
        String addr = producer.runtime().routes().masterAddr(half.queue().brokerName());
        if (addr == null) {
            LOG.warn(
                    "no address for broker {}: the decision on {} waits for its check",
                    half.queue().brokerName(),
                    half.msgId());
        } else {
            end(
                    addr,
                    MessageIds.decodeOffsetMessageId(half.offsetMsgId()).physicalOffset(),
                    half.queueOffset(),
                    half.msgId(),
                    state,
                    false,
                    half.queue().brokerName(),
                    half.queue().topic());
        }
        return new TransactionSendResult(half, state);
    }

    private RemotingCommand onCheck(RemoteChannel channel, RemotingCommand request) {
        CheckTransactionStateRequestHeader header = CHECK.decode(request.extFields());
        List<MessageView> messages = PullBodyDecoder.decode(request.body(), header.bname(), null);
        if (messages.isEmpty()) {
            LOG.warn("a transaction check from {} carried no message", channel.remoteAddress());
            return null;
        }
        MessageView message = messages.get(0);
        TransactionState state;
        try {
            state = checker.check(message);
        } catch (RuntimeException | Error e) {
            LOG.warn("checking the transaction of {} failed; the broker asks again later", message.msgId(), e);
            return null;
        }
        if (state == null || state == TransactionState.UNKNOWN) {
            return null; // the broker asks again later; nothing to tell
        }
        end(
                channel.remoteAddress(),
                header.commitLogOffset(),
                header.tranStateTableOffset(),
                header.msgId() != null ? header.msgId() : message.msgId(),
                state,
                true,
                header.bname(),
                header.topic());
        return null;
    }

    private void end(
            String addr,
            long commitLogOffset,
            long queueOffset,
            String msgId,
            TransactionState state,
            boolean fromCheck,
            String brokerName,
            String topic) {
        int decision = switch (state) {
            case COMMIT -> MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK -> MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOWN -> MessageSysFlag.TRANSACTION_NOT_TYPE;
        };
        EndTransactionRequestHeader header = new EndTransactionRequestHeader(
                topic,
                producer.producerGroup(),
                queueOffset,
                commitLogOffset,
                decision,
                fromCheck,
                msgId,
                msgId,
                brokerName);
        try {
            producer.runtime()
                    .rpc()
                    .oneway(
                            addr,
                            RemotingCommand.request(RequestCode.END_TRANSACTION).extFields(END.encode(header)));
        } catch (ClientException e) {
            LOG.warn(
                    "telling {} the decision on {} failed ({}); the broker will check it", addr, msgId, e.getMessage());
        }
    }

    /** Stops answering checks and closes the producer. */
    @Override
    public void close() {
        producer.close();
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link TransactionProducer}. Not thread-safe. */
    public static final class Builder {
        private final Producer.Builder producer = Producer.builder();
        private LocalTransaction localTransaction;
        private TransactionChecker checker;
        private int checkThreads = 2;

        private Builder() {}

        /** {@code host:port}, several separated by {@code ;}. Required. */
        public Builder namesrvAddr(String namesrvAddr) {
            producer.namesrvAddr(namesrvAddr);
            return this;
        }

        /** Required: the broker checks back with any live producer of this group. */
        public Builder producerGroup(String producerGroup) {
            producer.producerGroup(producerGroup);
            return this;
        }

        /** Time for storing the half message, retries included; default 3 s. */
        public Builder sendTimeout(Duration sendTimeout) {
            producer.sendTimeout(sendTimeout);
            return this;
        }

        /** Required: runs the local transaction after the half message is stored. */
        public Builder localTransaction(LocalTransaction localTransaction) {
            this.localTransaction = localTransaction;
            return this;
        }

        /** Required: answers the broker's checks of undecided half messages. */
        public Builder checker(TransactionChecker checker) {
            this.checker = checker;
            return this;
        }

        /** Threads answering checks; default 2. */
        public Builder checkThreads(int threads) {
            this.checkThreads = threads;
            return this;
        }

        public Builder clock(Clock clock) {
            producer.clock(Objects.requireNonNull(clock));
            return this;
        }

        /** Builds and starts the producer. */
        public TransactionProducer build() {
            Objects.requireNonNull(localTransaction, "localTransaction is required");
            Objects.requireNonNull(checker, "checker is required");
            if (checkThreads < 1) {
                throw new IllegalArgumentException("checkThreads must be at least 1");
            }
            return new TransactionProducer(this);
        }
    }
}
