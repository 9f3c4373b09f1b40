package io.ferrymq.broker;

import io.ferrymq.broker.internal.ExecutorKind;
import io.ferrymq.broker.internal.HandlerRegistry;
import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.ConsumeSettings;
import io.ferrymq.broker.internal.consume.ConsumeSide;
import io.ferrymq.broker.internal.retry.DeadLetterAdminHandlers;
import io.ferrymq.broker.internal.retry.DeadLetterRouting;
import io.ferrymq.broker.internal.retry.SendBackHandler;
import io.ferrymq.broker.internal.send.BatchSendHandler;
import io.ferrymq.broker.internal.send.InFlightSends;
import io.ferrymq.broker.internal.send.SendPipeline;
import io.ferrymq.broker.internal.send.SendSettings;
import io.ferrymq.broker.internal.send.SingleSendHandler;
import io.ferrymq.broker.internal.send.StoreHost;
import io.ferrymq.broker.internal.timer.CancelTimerHandler;
import io.ferrymq.broker.internal.timer.TimerStatsHandler;
import io.ferrymq.broker.internal.transaction.CheckBackRelay;
import io.ferrymq.broker.internal.transaction.EndTransactionHandler;
import io.ferrymq.broker.internal.transaction.ProducerCheckBack;
import io.ferrymq.broker.internal.transaction.TransactionAdminHandlers;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import io.ferrymq.remoting.ChannelListener;
import io.ferrymq.scheduler.DelayedDelivery;
import io.ferrymq.transaction.TransactionCoordinator;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The request-serving parts of a broker and the one place they are wired: the send handlers here,
 * the consume side ({@code io.ferrymq.broker.internal.consume}) beside them. Each part registers its
 * handlers, then starts once the server listens, and closes before the store. Not thread-safe: used
 * by the starting and the closing thread only.
 */
final class BrokerParts {
    private final SendPipeline sendPipeline;
    private final ConsumeSide consumeSide;
    private final DelayedDelivery timers;
    private final TransactionCoordinator transactions;
    private final DeadLetterOffice deadLetters;
    private final TopicConfigTable topics;
    private final SendBackHandler sendBack;

    BrokerParts(
            BrokerConfig config,
            MessageStore store,
            TopicConfigTable topics,
            DelayedDelivery timers,
            TransactionCoordinator transactions,
            DeadLetterOffice deadLetters,
            CheckBackRelay checkBacks,
            StoreHost storeHost,
            UniqueKeyGenerator keys,
            InFlightSends inFlight,
            Executor coldPulls,
            Clock clock) {
        SendSettings settings = new SendSettings(
                config.brokerClusterName(),
                config.brokerName(),
                config.regionId(),
                config.traceOn(),
                config.maxMessageSize(),
                config.brokerPermission(),
                storeHost);
        this.timers = timers;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.topics = topics;
        this.sendPipeline = new SendPipeline(
                settings,
                topics,
                store,
                keys,
                inFlight,
                timers.config(),
                clock,
                new DeadLetterRouting(topics, deadLetters));
        this.consumeSide = new ConsumeSide(
                new ConsumeSettings(
                        config.autoCreateSubscriptionGroup(),
                        config.brokerName(),
                        storeHost.hostPort(),
                        config.longPollingEnable(),
                        config.shortPollingTimeMills(),
                        config.flushConsumerOffsetInterval(),
                        config.accessMessageInMemoryMaxRatio()),
                store,
                topics,
                coldPulls,
                clock);
        checkBacks.connect(new ProducerCheckBack(consumeSide.clients(), config.brokerName(), storeHost));
        this.sendBack = new SendBackHandler(
                consumeSide.subscriptionGroups(),
                topics,
                store,
                timers.config().delayLevels(),
                deadLetters,
                storeHost,
                clock,
                config.autoCreateSubscriptionGroup());
    }

    void registerWith(HandlerRegistry registry) {
        registry.register(
                RequestCode.SEND_MESSAGE, new SingleSendHandler(SendHeaderCodec.V1, sendPipeline), ExecutorKind.APPEND);
        registry.register(
                RequestCode.SEND_MESSAGE_V2,
                new SingleSendHandler(SendHeaderCodec.V2, sendPipeline),
                ExecutorKind.APPEND);
        registry.register(RequestCode.SEND_BATCH_MESSAGE, new BatchSendHandler(sendPipeline), ExecutorKind.APPEND);
        registry.register(RequestCode.FERRY_TIMER_STATS, new TimerStatsHandler(timers), ExecutorKind.ADMIN);
        registry.register(RequestCode.FERRY_CANCEL_TIMER, new CancelTimerHandler(timers), ExecutorKind.ADMIN);
        registry.register(RequestCode.END_TRANSACTION, new EndTransactionHandler(transactions), ExecutorKind.SEND);
        registry.register(RequestCode.CONSUMER_SEND_MSG_BACK, sendBack, ExecutorKind.SEND);
        registry.register(RequestCode.FERRY_DLQ_LIST, DeadLetterAdminHandlers.list(deadLetters), ExecutorKind.ADMIN);
        registry.register(RequestCode.FERRY_DLQ_VIEW, DeadLetterAdminHandlers.view(deadLetters), ExecutorKind.ADMIN);
        registry.register(
                RequestCode.FERRY_DLQ_REPLAY, DeadLetterAdminHandlers.replay(deadLetters, topics), ExecutorKind.ADMIN);
        registry.register(RequestCode.FERRY_DLQ_STATS, DeadLetterAdminHandlers.stats(deadLetters), ExecutorKind.ADMIN);
        registry.register(
                RequestCode.FERRY_TRANSACTION_STATS, TransactionAdminHandlers.stats(transactions), ExecutorKind.ADMIN);
        registry.register(
                RequestCode.FERRY_TRANSACTION_LIST, TransactionAdminHandlers.list(transactions), ExecutorKind.ADMIN);
        registry.register(
                RequestCode.FERRY_TRANSACTION_RESOLVE,
                TransactionAdminHandlers.resolve(transactions),
                ExecutorKind.ADMIN);
        consumeSide.registerWith(registry);
    }

    /** What the remoting server should tell about closed connections. */
    ChannelListener channelListener() {
        return consumeSide.channelListener();
    }

    void start() {
        consumeSide.start();
    }

    void close() {
        consumeSide.close();
    }
}
