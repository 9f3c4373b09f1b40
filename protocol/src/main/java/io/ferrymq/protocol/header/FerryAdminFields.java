package io.ferrymq.protocol.header;

/**
 * The header fields of FerryMQ's own admin requests ({@code RequestCode.FERRY_*}, codes 7001–7034),
 * named once for the client that writes them and the broker that reads them. Values travel as
 * strings in {@code extFields}, as in every RocketMQ header; the broker's handlers document defaults.
 */
public final class FerryAdminFields {
    /** A consumer group: FERRY_DLQ_LIST, FERRY_DLQ_VIEW, FERRY_DLQ_REPLAY. */
    public static final String GROUP = "group";
    /** One message id: FERRY_CANCEL_TIMER, FERRY_DLQ_VIEW. */
    public static final String MSG_ID = "msgId";
    /** Comma-separated message ids: FERRY_DLQ_REPLAY. */
    public static final String MSG_IDS = "msgIds";
    /** Start of a store-time range, epoch ms: FERRY_DLQ_LIST. */
    public static final String BEGIN_MS = "beginMs";
    /** End of a store-time range, epoch ms: FERRY_DLQ_LIST. */
    public static final String END_MS = "endMs";
    /** Most entries to list: FERRY_DLQ_LIST, FERRY_TRANSACTION_LIST. */
    public static final String MAX = "max";
    /** {@code ORIGINAL_TOPIC} or {@code RETRY_TOPIC}: FERRY_DLQ_REPLAY. */
    public static final String TARGET = "target";
    /** Replay pace: FERRY_DLQ_REPLAY. */
    public static final String PERMITS_PER_SECOND = "permitsPerSecond";
    /** {@code unresolved} (parked) or {@code pending}: FERRY_TRANSACTION_LIST. */
    public static final String STATE = "state";
    /** A half message's commit-log offset: FERRY_TRANSACTION_RESOLVE. */
    public static final String HALF_OFFSET = "halfOffset";
    /** {@code COMMIT} or {@code ROLLBACK}: FERRY_TRANSACTION_RESOLVE. */
    public static final String DECISION = "decision";

    private FerryAdminFields() {}
}
