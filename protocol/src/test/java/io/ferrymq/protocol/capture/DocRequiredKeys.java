package io.ferrymq.protocol.capture;

import io.ferrymq.protocol.RequestCode;
import java.util.List;
import java.util.Map;

/**
 * The header keys wire-protocol.md calls required (its tables, and the source it cites), by request
 * code: for requests, and for the responses that answer them.
 */
final class DocRequiredKeys {
    private static final List<String> SEND_V2 = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    private static final List<String> PULL = List.of(
            "consumerGroup",
            "topic",
            "queueId",
            "queueOffset",
            "maxMsgNums",
            "sysFlag",
            "commitOffset",
            "suspendTimeoutMillis",
            "subVersion");
    private static final List<String> TOPIC_QUEUE = List.of("topic", "queueId");

    static final Map<Integer, List<String>> REQUESTS = Map.ofEntries(
            Map.entry(
                    RequestCode.SEND_MESSAGE,
                    List.of(
                            "producerGroup",
                            "topic",
                            "defaultTopic",
                            "defaultTopicQueueNums",
                            "queueId",
                            "sysFlag",
                            "bornTimestamp",
                            "flag")),
            Map.entry(RequestCode.SEND_MESSAGE_V2, SEND_V2),
            Map.entry(RequestCode.SEND_BATCH_MESSAGE, SEND_V2),
            Map.entry(RequestCode.PULL_MESSAGE, PULL),
            Map.entry(RequestCode.LITE_PULL_MESSAGE, PULL),
            Map.entry(RequestCode.QUERY_MESSAGE, List.of("topic", "key", "maxNum", "beginTimestamp", "endTimestamp")),
            Map.entry(RequestCode.QUERY_CONSUMER_OFFSET, List.of("consumerGroup", "topic", "queueId")),
            Map.entry(RequestCode.UPDATE_CONSUMER_OFFSET, List.of("consumerGroup", "topic", "queueId", "commitOffset")),
            Map.entry(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, List.of("topic", "queueId", "timestamp")),
            Map.entry(RequestCode.GET_MAX_OFFSET, TOPIC_QUEUE),
            Map.entry(RequestCode.GET_MIN_OFFSET, TOPIC_QUEUE),
            Map.entry(RequestCode.GET_EARLIEST_MSG_STORETIME, TOPIC_QUEUE),
            Map.entry(RequestCode.VIEW_MESSAGE_BY_ID, List.of("offset")),
            Map.entry(RequestCode.UNREGISTER_CLIENT, List.of("clientID")),
            Map.entry(RequestCode.CONSUMER_SEND_MSG_BACK, List.of("group", "offset", "delayLevel")),
            Map.entry(
                    RequestCode.END_TRANSACTION,
                    List.of("producerGroup", "tranStateTableOffset", "commitLogOffset", "commitOrRollback")),
            Map.entry(RequestCode.GET_CONSUMER_LIST_BY_GROUP, List.of("consumerGroup")),
            Map.entry(RequestCode.CHECK_TRANSACTION_STATE, List.of("tranStateTableOffset", "commitLogOffset")),
            Map.entry(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, List.of("consumerGroup")),
            Map.entry(
                    RequestCode.REGISTER_BROKER,
                    List.of("brokerName", "brokerAddr", "clusterName", "haServerAddr", "brokerId")),
            Map.entry(RequestCode.UNREGISTER_BROKER, List.of("brokerName", "brokerAddr", "clusterName", "brokerId")),
            Map.entry(RequestCode.GET_ROUTEINFO_BY_TOPIC, List.of("topic")));

    static final Map<Integer, List<String>> RESPONSES = Map.ofEntries(
            Map.entry(RequestCode.SEND_MESSAGE, List.of("msgId", "queueId", "queueOffset")),
            Map.entry(RequestCode.SEND_MESSAGE_V2, List.of("msgId", "queueId", "queueOffset")),
            Map.entry(RequestCode.SEND_BATCH_MESSAGE, List.of("msgId", "queueId", "queueOffset")),
            Map.entry(
                    RequestCode.PULL_MESSAGE,
                    List.of("nextBeginOffset", "minOffset", "maxOffset", "suggestWhichBrokerId")),
            Map.entry(
                    RequestCode.LITE_PULL_MESSAGE,
                    List.of("nextBeginOffset", "minOffset", "maxOffset", "suggestWhichBrokerId")),
            Map.entry(RequestCode.QUERY_MESSAGE, List.of("indexLastUpdateTimestamp", "indexLastUpdatePhyoffset")),
            Map.entry(RequestCode.QUERY_CONSUMER_OFFSET, List.of("offset")),
            Map.entry(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, List.of("offset")),
            Map.entry(RequestCode.GET_MAX_OFFSET, List.of("offset")),
            Map.entry(RequestCode.GET_MIN_OFFSET, List.of("offset")),
            Map.entry(RequestCode.GET_EARLIEST_MSG_STORETIME, List.of("timestamp")));

    private DocRequiredKeys() {}
}
