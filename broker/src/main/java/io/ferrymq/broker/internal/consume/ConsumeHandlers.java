package io.ferrymq.broker.internal.consume;

import io.ferrymq.broker.internal.ExecutorKind;
import io.ferrymq.broker.internal.HandlerRegistry;
import io.ferrymq.broker.internal.consume.admin.AllGroupConfigHandler;
import io.ferrymq.broker.internal.consume.admin.AllTopicConfigHandler;
import io.ferrymq.broker.internal.consume.admin.ConnectionListHandler;
import io.ferrymq.broker.internal.consume.admin.ConsumeStatsHandler;
import io.ferrymq.broker.internal.consume.admin.DeleteGroupHandler;
import io.ferrymq.broker.internal.consume.admin.DeleteTopicHandler;
import io.ferrymq.broker.internal.consume.admin.RuntimeInfoHandler;
import io.ferrymq.broker.internal.consume.admin.TopicStatsHandler;
import io.ferrymq.broker.internal.consume.admin.UpdateGroupHandler;
import io.ferrymq.broker.internal.consume.admin.UpdateTopicHandler;
import io.ferrymq.broker.internal.consume.client.CheckClientConfigHandler;
import io.ferrymq.broker.internal.consume.client.ConsumerListHandler;
import io.ferrymq.broker.internal.consume.client.HeartbeatHandler;
import io.ferrymq.broker.internal.consume.client.UnregisterClientHandler;
import io.ferrymq.broker.internal.consume.lock.LockBatchHandler;
import io.ferrymq.broker.internal.consume.lock.UnlockBatchHandler;
import io.ferrymq.broker.internal.consume.offset.AllConsumerOffsetHandler;
import io.ferrymq.broker.internal.consume.offset.QueryConsumerOffsetHandler;
import io.ferrymq.broker.internal.consume.offset.QueueOffsetsHandler;
import io.ferrymq.broker.internal.consume.offset.UpdateConsumerOffsetHandler;
import io.ferrymq.broker.internal.consume.query.QueryMessageHandler;
import io.ferrymq.broker.internal.consume.query.ViewMessageHandler;
import io.ferrymq.protocol.RequestCode;

/** Which handler answers each consume-side request code, on which executor. Stateless. */
final class ConsumeHandlers {
    private final ConsumeParts p;

    ConsumeHandlers(ConsumeParts parts) {
        this.p = parts;
    }

    void registerWith(HandlerRegistry r) {
        registerClient(r);
        r.register(RequestCode.PULL_MESSAGE, p.pulls(), ExecutorKind.PULL);
        r.register(RequestCode.LITE_PULL_MESSAGE, p.pulls(), ExecutorKind.PULL);
        registerOffsets(r);
        r.register(RequestCode.QUERY_MESSAGE, new QueryMessageHandler(p.store(), p.clock()), ExecutorKind.QUERY);
        r.register(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageHandler(p.store()), ExecutorKind.QUERY);
        registerAdmin(r);
    }

    private void registerClient(HandlerRegistry r) {
        var heartbeat = new HeartbeatHandler(
                p.clients(), p.groups(), p.topics(), p.settings().autoCreateSubscriptionGroup(), p.clock());
        r.register(RequestCode.HEART_BEAT, heartbeat, ExecutorKind.CLIENT);
        r.register(RequestCode.UNREGISTER_CLIENT, new UnregisterClientHandler(p.clients()), ExecutorKind.CLIENT);
        r.register(RequestCode.GET_CONSUMER_LIST_BY_GROUP, new ConsumerListHandler(p.clients()), ExecutorKind.CLIENT);
        r.register(RequestCode.CHECK_CLIENT_CONFIG, new CheckClientConfigHandler(), ExecutorKind.CLIENT);
        r.register(RequestCode.LOCK_BATCH_MQ, new LockBatchHandler(p.locks()), ExecutorKind.CLIENT);
        r.register(RequestCode.UNLOCK_BATCH_MQ, new UnlockBatchHandler(p.locks()), ExecutorKind.CLIENT);
    }

    private void registerOffsets(HandlerRegistry r) {
        r.register(
                RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetHandler(p.offsets(), p.store()),
                ExecutorKind.OFFSET);
        r.register(
                RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetHandler(p.offsets()), ExecutorKind.OFFSET);
        r.register(RequestCode.GET_MAX_OFFSET, QueueOffsetsHandler.maxOffset(p.store()), ExecutorKind.OFFSET);
        r.register(RequestCode.GET_MIN_OFFSET, QueueOffsetsHandler.minOffset(p.store()), ExecutorKind.OFFSET);
        r.register(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                QueueOffsetsHandler.searchByTime(p.store()),
                ExecutorKind.OFFSET);
        r.register(
                RequestCode.GET_EARLIEST_MSG_STORETIME,
                QueueOffsetsHandler.earliestStoreTime(p.store()),
                ExecutorKind.OFFSET);
        r.register(RequestCode.GET_ALL_CONSUMER_OFFSET, new AllConsumerOffsetHandler(p.offsets()), ExecutorKind.ADMIN);
    }

    private void registerAdmin(HandlerRegistry r) {
        String brokerName = p.settings().brokerName();
        r.register(RequestCode.UPDATE_AND_CREATE_TOPIC, new UpdateTopicHandler(p.topics()), ExecutorKind.ADMIN);
        r.register(
                RequestCode.DELETE_TOPIC_IN_BROKER,
                new DeleteTopicHandler(p.topics(), p.offsets()),
                ExecutorKind.ADMIN);
        r.register(RequestCode.GET_ALL_TOPIC_CONFIG, new AllTopicConfigHandler(p.topics()), ExecutorKind.ADMIN);
        r.register(
                RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
                new UpdateGroupHandler(p.groups()),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.DELETE_SUBSCRIPTIONGROUP,
                new DeleteGroupHandler(p.groups(), p.offsets()),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                new AllGroupConfigHandler(p.groups()),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_CONSUME_STATS,
                new ConsumeStatsHandler(p.store(), p.topics(), p.offsets(), p.clients(), brokerName),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_TOPIC_STATS_INFO,
                new TopicStatsHandler(p.store(), p.topics(), brokerName),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_CONSUMER_CONNECTION_LIST,
                ConnectionListHandler.consumers(p.clients()),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_PRODUCER_CONNECTION_LIST,
                ConnectionListHandler.producers(p.clients()),
                ExecutorKind.ADMIN);
        r.register(
                RequestCode.GET_BROKER_RUNTIME_INFO,
                new RuntimeInfoHandler(
                        p.store(), p.clients(), p.traffic(), p.settings().brokerAddr(), p.clock()),
                ExecutorKind.ADMIN);
    }
}
