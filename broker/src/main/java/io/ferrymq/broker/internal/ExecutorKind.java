package io.ferrymq.broker.internal;

/** The request executors a broker keeps, one per kind of work, so slow kinds cannot starve others. */
public enum ExecutorKind {
    /** SEND_MESSAGE, SEND_MESSAGE_V2, SEND_BATCH_MESSAGE, CONSUMER_SEND_MSG_BACK, END_TRANSACTION. */
    SEND,
    /** PULL_MESSAGE, LITE_PULL_MESSAGE. */
    PULL,
    /** HEART_BEAT, UNREGISTER_CLIENT, GET_CONSUMER_LIST_BY_GROUP, LOCK/UNLOCK_BATCH_MQ, CHECK_CLIENT_CONFIG. */
    CLIENT,
    /** Offsets and queue metadata: QUERY/UPDATE_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET, SEARCH_OFFSET, ... */
    OFFSET,
    /** QUERY_MESSAGE, VIEW_MESSAGE_BY_ID. */
    QUERY,
    /** Admin requests: topics, groups, stats, runtime info. */
    ADMIN
}
