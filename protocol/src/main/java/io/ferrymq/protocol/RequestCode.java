package io.ferrymq.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Request codes of the RocketMQ remoting protocol that FerryMQ's nameserver, broker and clients send
 * or answer. The numbers are RocketMQ's: clients depend on them.
 */
public final class RequestCode {
    // client → broker
    public static final int SEND_MESSAGE = 10;
    public static final int PULL_MESSAGE = 11;
    public static final int QUERY_MESSAGE = 12;
    public static final int QUERY_CONSUMER_OFFSET = 14;
    public static final int UPDATE_CONSUMER_OFFSET = 15;
    public static final int UPDATE_AND_CREATE_TOPIC = 17;
    public static final int GET_ALL_TOPIC_CONFIG = 21;
    public static final int GET_BROKER_CONFIG = 26;
    public static final int GET_BROKER_RUNTIME_INFO = 28;
    public static final int SEARCH_OFFSET_BY_TIMESTAMP = 29;
    public static final int GET_MAX_OFFSET = 30;
    public static final int GET_MIN_OFFSET = 31;
    public static final int GET_EARLIEST_MSG_STORETIME = 32;
    public static final int VIEW_MESSAGE_BY_ID = 33;
    public static final int HEART_BEAT = 34;
    public static final int UNREGISTER_CLIENT = 35;
    public static final int CONSUMER_SEND_MSG_BACK = 36;
    public static final int END_TRANSACTION = 37;
    public static final int GET_CONSUMER_LIST_BY_GROUP = 38;
    public static final int LOCK_BATCH_MQ = 41;
    public static final int UNLOCK_BATCH_MQ = 42;
    public static final int GET_ALL_CONSUMER_OFFSET = 43;
    public static final int GET_ALL_DELAY_OFFSET = 45;
    public static final int CHECK_CLIENT_CONFIG = 46;
    public static final int UPDATE_AND_CREATE_SUBSCRIPTIONGROUP = 200;
    public static final int GET_ALL_SUBSCRIPTIONGROUP_CONFIG = 201;
    public static final int GET_TOPIC_STATS_INFO = 202;
    public static final int GET_CONSUMER_CONNECTION_LIST = 203;
    public static final int GET_PRODUCER_CONNECTION_LIST = 204;
    public static final int DELETE_SUBSCRIPTIONGROUP = 207;
    public static final int GET_CONSUME_STATS = 208;
    public static final int DELETE_TOPIC_IN_BROKER = 215;
    public static final int SEND_MESSAGE_V2 = 310;
    public static final int SEND_BATCH_MESSAGE = 320;
    public static final int LITE_PULL_MESSAGE = 361;

    // broker → client
    public static final int CHECK_TRANSACTION_STATE = 39;
    public static final int NOTIFY_CONSUMER_IDS_CHANGED = 40;
    public static final int RESET_CONSUMER_CLIENT_OFFSET = 220;
    public static final int GET_CONSUMER_STATUS_FROM_CLIENT = 221;
    public static final int GET_CONSUMER_RUNNING_INFO = 307;
    public static final int CONSUME_MESSAGE_DIRECTLY = 309;

    // → nameserver
    public static final int PUT_KV_CONFIG = 100;
    public static final int GET_KV_CONFIG = 101;
    public static final int DELETE_KV_CONFIG = 102;
    public static final int REGISTER_BROKER = 103;
    public static final int UNREGISTER_BROKER = 104;
    public static final int GET_ROUTEINFO_BY_TOPIC = 105;
    public static final int GET_BROKER_CLUSTER_INFO = 106;
    public static final int WIPE_WRITE_PERM_OF_BROKER = 205;
    public static final int GET_ALL_TOPIC_LIST_FROM_NAMESERVER = 206;
    public static final int DELETE_TOPIC_IN_NAMESRV = 216;
    public static final int REGISTER_TOPIC_IN_NAMESRV = 217;
    public static final int GET_KVLIST_BY_NAMESPACE = 219;
    public static final int GET_TOPICS_BY_CLUSTER = 224;
    public static final int GET_SYSTEM_TOPIC_LIST_FROM_NS = 304;
    public static final int GET_UNIT_TOPIC_LIST = 311;
    public static final int GET_HAS_UNIT_SUB_TOPIC_LIST = 312;
    public static final int GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST = 313;
    public static final int UPDATE_NAMESRV_CONFIG = 318;
    public static final int GET_NAMESRV_CONFIG = 319;
    public static final int QUERY_DATA_VERSION = 322;
    public static final int ADD_WRITE_PERM_OF_BROKER = 327;
    public static final int GET_BROKER_MEMBER_GROUP = 901;
    public static final int BROKER_HEARTBEAT = 904;

    // FerryMQ's own admin requests (7000..7999, unused by RocketMQ); bodies are JSON, see each handler
    /** Statistics of the broker's delayed-message scheduler. No header; the body is {@code TimerStats}. */
    public static final int FERRY_TIMER_STATS = 7001;
    /** Cancels a pending delayed message. Header {@code msgId}: the message's id (UNIQ_KEY). */
    public static final int FERRY_CANCEL_TIMER = 7002;
    /** Statistics of the broker's transactions. No header; the body is {@code TransactionStats}. */
    public static final int FERRY_TRANSACTION_STATS = 7021;
    /** Unsettled half messages. Header {@code state} (unresolved|pending), {@code max}; body: a list. */
    public static final int FERRY_TRANSACTION_LIST = 7022;
    /** An operator settles a half. Header {@code halfOffset}, {@code decision} (COMMIT|ROLLBACK). */
    public static final int FERRY_TRANSACTION_RESOLVE = 7023;
    /** A group's dead letters by store time. Header {@code group}, {@code beginMs}, {@code endMs}, {@code max}. */
    public static final int FERRY_DLQ_LIST = 7031;
    /** One dead letter with its body. Header {@code group}, {@code msgId}. */
    public static final int FERRY_DLQ_VIEW = 7032;
    /** Replays dead letters. Header {@code group}, {@code msgIds}, {@code target}, {@code permitsPerSecond}. */
    public static final int FERRY_DLQ_REPLAY = 7033;
    /** Messages sent to each group's dead-letter queue. No header. */
    public static final int FERRY_DLQ_STATS = 7034;

    private static final Map<Integer, String> NAMES = namesOf(RequestCode.class);

    private RequestCode() {}

    /** The constant's name, or the number itself for a code this table does not list; for logs. */
    public static String nameOf(int code) {
        String name = NAMES.get(code);
        return name != null ? name : Integer.toString(code);
    }

    static Map<Integer, String> namesOf(Class<?> constants) {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : constants.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == int.class && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
