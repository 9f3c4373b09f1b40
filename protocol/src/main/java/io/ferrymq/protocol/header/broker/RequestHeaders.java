package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which typed header, and which codec, belongs to each request code a broker answers or sends to its
 * clients. Codes whose request carries only a body (GET_ALL_TOPIC_CONFIG, CHECK_CLIENT_CONFIG,
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, ...) are not listed. Immutable and thread-safe.
 */
public final class RequestHeaders {
    private static final Map<Integer, HeaderCodec<?>> CODECS = codecs();

    private RequestHeaders() {}

    /** The codec of {@code code}'s request header, or null when the code has none here. */
    public static HeaderCodec<?> codecOf(int code) {
        return CODECS.get(code);
    }

    /** The record of {@code code}'s request header, or null when the code has none here. */
    public static Class<? extends Record> typeOf(int code) {
        HeaderCodec<?> codec = CODECS.get(code);
        return codec == null ? null : codec.type();
    }

    /** Every request code listed. */
    public static Set<Integer> codes() {
        return CODECS.keySet();
    }

    /**
     * Decodes the custom header of {@code request} by its code.
     *
     * @throws IllegalArgumentException when the code has no typed header here
     * @throws io.ferrymq.protocol.InvalidHeaderException when a required field is missing or malformed
     */
    public static Record decode(RemotingCommand request) {
        HeaderCodec<?> codec = CODECS.get(request.code());
        if (codec == null) {
            throw new IllegalArgumentException("no typed header for request code " + request.code());
        }
        return codec.decode(request.extFields());
    }

    private static Map<Integer, HeaderCodec<?>> codecs() {
        Map<Integer, HeaderCodec<?>> codecs = new HashMap<>();
        codecs.put(RequestCode.SEND_MESSAGE, SendHeaderCodec.V1);
        codecs.put(RequestCode.SEND_MESSAGE_V2, SendHeaderCodec.V2);
        codecs.put(RequestCode.SEND_BATCH_MESSAGE, SendHeaderCodec.V2);
        codecs.put(RequestCode.PULL_MESSAGE, PullHeaderCodec.INSTANCE);
        codecs.put(RequestCode.LITE_PULL_MESSAGE, PullHeaderCodec.INSTANCE);
        bind(codecs, RequestCode.QUERY_MESSAGE, QueryMessageRequestHeader.class);
        bind(codecs, RequestCode.VIEW_MESSAGE_BY_ID, ViewMessageRequestHeader.class);
        bind(codecs, RequestCode.QUERY_CONSUMER_OFFSET, QueryConsumerOffsetRequestHeader.class);
        bind(codecs, RequestCode.UPDATE_CONSUMER_OFFSET, UpdateConsumerOffsetRequestHeader.class);
        bind(codecs, RequestCode.GET_MAX_OFFSET, GetMaxOffsetRequestHeader.class);
        bind(codecs, RequestCode.GET_MIN_OFFSET, GetMinOffsetRequestHeader.class);
        bind(codecs, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, SearchOffsetRequestHeader.class);
        bind(codecs, RequestCode.GET_EARLIEST_MSG_STORETIME, GetEarliestMsgStoretimeRequestHeader.class);
        bind(codecs, RequestCode.HEART_BEAT, HeartbeatRequestHeader.class);
        bind(codecs, RequestCode.UNREGISTER_CLIENT, UnregisterClientRequestHeader.class);
        bind(codecs, RequestCode.CONSUMER_SEND_MSG_BACK, ConsumerSendMsgBackRequestHeader.class);
        bind(codecs, RequestCode.END_TRANSACTION, EndTransactionRequestHeader.class);
        bind(codecs, RequestCode.GET_CONSUMER_LIST_BY_GROUP, GetConsumerListByGroupRequestHeader.class);
        bind(codecs, RequestCode.LOCK_BATCH_MQ, LockBatchMqRequestHeader.class);
        bind(codecs, RequestCode.UNLOCK_BATCH_MQ, UnlockBatchMqRequestHeader.class);
        bind(codecs, RequestCode.UPDATE_AND_CREATE_TOPIC, CreateTopicRequestHeader.class);
        bind(codecs, RequestCode.DELETE_TOPIC_IN_BROKER, DeleteTopicRequestHeader.class);
        bind(codecs, RequestCode.DELETE_SUBSCRIPTIONGROUP, DeleteSubscriptionGroupRequestHeader.class);
        bind(codecs, RequestCode.GET_CONSUME_STATS, GetConsumeStatsRequestHeader.class);
        bind(codecs, RequestCode.GET_TOPIC_STATS_INFO, GetTopicStatsInfoRequestHeader.class);
        bind(codecs, RequestCode.GET_CONSUMER_CONNECTION_LIST, GetConsumerConnectionListRequestHeader.class);
        bind(codecs, RequestCode.GET_PRODUCER_CONNECTION_LIST, GetProducerConnectionListRequestHeader.class);
        // broker → client
        bind(codecs, RequestCode.CHECK_TRANSACTION_STATE, CheckTransactionStateRequestHeader.class);
        bind(codecs, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, NotifyConsumerIdsChangedRequestHeader.class);
        bind(codecs, RequestCode.RESET_CONSUMER_CLIENT_OFFSET, ResetOffsetRequestHeader.class);
        bind(codecs, RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, GetConsumerStatusRequestHeader.class);
        bind(codecs, RequestCode.GET_CONSUMER_RUNNING_INFO, GetConsumerRunningInfoRequestHeader.class);
        bind(codecs, RequestCode.CONSUME_MESSAGE_DIRECTLY, ConsumeMessageDirectlyResultRequestHeader.class);
        return Map.copyOf(codecs);
    }

    private static void bind(Map<Integer, HeaderCodec<?>> codecs, int code, Class<? extends Record> type) {
        codecs.put(code, BoundHeaderCodec.of(type));
    }
}
