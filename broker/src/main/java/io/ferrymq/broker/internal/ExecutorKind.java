package io.ferrymq.broker.internal;

/** The request executors a broker keeps, one per kind of work, so slow kinds cannot starve others. */
public enum ExecutorKind {
    /**
     * SEND_MESSAGE, SEND_MESSAGE_V2, SEND_BATCH_MESSAGE: run on the connection's I/O thread, with no
     * hand-off. An append never waits (a flush or a replica completes its future later, and the reply
     * is written then), so handing it to a pool would cost two thread wake-ups per request and buy
     * nothing. No threads of its own.
     */
    APPEND,
    /** CONSUMER_SEND_MSG_BACK, END_TRANSACTION ({@code sendMessageThreadPoolNums} threads). */
    SEND,
    /**
     * PULL_MESSAGE, LITE_PULL_MESSAGE: as many threads as cores (at least 2). They read the consume queue, and the
     * records too when these lie in the memory window (never blocking); others go to {@link
     * #PULL_FROM_DISK}.
     */
    PULL,
    /** Pulls whose records may have to come from disk ({@code pullMessageThreadPoolNums} threads). */
    PULL_FROM_DISK,
    /** HEART_BEAT, UNREGISTER_CLIENT, GET_CONSUMER_LIST_BY_GROUP, LOCK/UNLOCK_BATCH_MQ, CHECK_CLIENT_CONFIG. */
    CLIENT,
    /** Offsets and queue metadata: QUERY/UPDATE_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET, SEARCH_OFFSET, ... */
    OFFSET,
    /** QUERY_MESSAGE, VIEW_MESSAGE_BY_ID. */
    QUERY,
    /** Admin requests: topics, groups, stats, runtime info. */
    ADMIN
}
