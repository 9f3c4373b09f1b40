package io.ferrymq.protocol.message;

/**
 * Names of the message properties the broker reads or writes (wire-protocol §7), spelled as on the
 * wire. Unknown properties pass through untouched.
 *
 * <p>Constants only; safe from any thread.
 */
public final class MessageProperty {
    /** Unique id (the client-visible msgId); created by the broker when absent; indexed. */
    public static final String UNIQ_KEY = "UNIQ_KEY";
    /** Space-separated business keys; indexed for QUERY_MESSAGE. */
    public static final String KEYS = "KEYS";
    /** The single tag; its String hash is the consume-queue tags code. */
    public static final String TAGS = "TAGS";
    /** "true" (default): reply once durable; "false": may reply before flush. */
    public static final String WAIT = "WAIT";
    /** Delay level 1..N. */
    public static final String DELAY = "DELAY";

    public static final String TIMER_DELIVER_MS = "TIMER_DELIVER_MS";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";
    public static final String TIMER_OUT_MS = "TIMER_OUT_MS";
    public static final String TIMER_ENQUEUE_MS = "TIMER_ENQUEUE_MS";
    public static final String TIMER_DEQUEUE_MS = "TIMER_DEQUEUE_MS";
    public static final String TIMER_ROLL_TIMES = "TIMER_ROLL_TIMES";
    public static final String TIMER_DEL_UNIQKEY = "TIMER_DEL_UNIQKEY";
    /** Original topic of a message parked in a system topic. */
    public static final String REAL_TOPIC = "REAL_TOPIC";
    /** Original queue id of a message parked in a system topic. */
    public static final String REAL_QID = "REAL_QID";
    /** "true" on half messages. */
    public static final String TRAN_MSG = "TRAN_MSG";
    /** Producer group of a half message. */
    public static final String PGROUP = "PGROUP";
    /** Copy of UNIQ_KEY on half messages. */
    public static final String TRANSACTION_ID = "__transactionId__";

    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    public static final String TRAN_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    /** Original topic of a retry message. */
    public static final String RETRY_TOPIC = "RETRY_TOPIC";

    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String DLQ_ORIGIN_TOPIC = "DLQ_ORIGIN_TOPIC";
    public static final String DLQ_ORIGIN_MESSAGE_ID = "DLQ_ORIGIN_MESSAGE_ID";
    public static final String CLUSTER = "CLUSTER";
    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_ON = "TRACE_ON";
    /** Client-side only: added after decoding, never stored. */
    public static final String MIN_OFFSET = "MIN_OFFSET";
    /** Client-side only: added after decoding, never stored. */
    public static final String MAX_OFFSET = "MAX_OFFSET";
    /** Client-side only: added after decoding, never stored. */
    public static final String CONSUME_START_TIME = "CONSUME_START_TIME";

    public static final String INSTANCE_ID = "INSTANCE_ID";
    public static final String SHARDING_KEY = "__SHARDINGKEY";
    public static final String MSG_TYPE = "MSG_TYPE";
    public static final String CORRELATION_ID = "CORRELATION_ID";
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    public static final String TTL = "TTL";
    public static final String ARRIVE_TIME = "ARRIVE_TIME";
    public static final String INNER_NUM = "INNER_NUM";
    public static final String INNER_BASE = "INNER_BASE";
    /** POP checkpoint; the broker deletes it from incoming sends. */
    public static final String POP_CK = "POP_CK";

    public static final String FIRST_POP_TIME = "1ST_POP_TIME";

    private MessageProperty() {}
}
