package io.ferrymq.protocol.header.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.WireName;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {
    @Test
    void listsEveryBrokerAndBrokerToClientCode() {
        int[] codes = {
            RequestCode.SEND_MESSAGE,
            RequestCode.PULL_MESSAGE,
            RequestCode.QUERY_MESSAGE,
            RequestCode.QUERY_CONSUMER_OFFSET,
            RequestCode.UPDATE_CONSUMER_OFFSET,
            RequestCode.UPDATE_AND_CREATE_TOPIC,
            RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            RequestCode.GET_MAX_OFFSET,
            RequestCode.GET_MIN_OFFSET,
            RequestCode.GET_EARLIEST_MSG_STORETIME,
            RequestCode.VIEW_MESSAGE_BY_ID,
            RequestCode.HEART_BEAT,
            RequestCode.UNREGISTER_CLIENT,
            RequestCode.CONSUMER_SEND_MSG_BACK,
            RequestCode.END_TRANSACTION,
            RequestCode.GET_CONSUMER_LIST_BY_GROUP,
            RequestCode.CHECK_TRANSACTION_STATE,
            RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
            RequestCode.LOCK_BATCH_MQ,
            RequestCode.UNLOCK_BATCH_MQ,
            RequestCode.GET_TOPIC_STATS_INFO,
            RequestCode.GET_CONSUMER_CONNECTION_LIST,
            RequestCode.GET_PRODUCER_CONNECTION_LIST,
            RequestCode.DELETE_SUBSCRIPTIONGROUP,
            RequestCode.GET_CONSUME_STATS,
            RequestCode.DELETE_TOPIC_IN_BROKER,
            RequestCode.RESET_CONSUMER_CLIENT_OFFSET,
            RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
            RequestCode.GET_CONSUMER_RUNNING_INFO,
            RequestCode.CONSUME_MESSAGE_DIRECTLY,
            RequestCode.SEND_MESSAGE_V2,
            RequestCode.SEND_BATCH_MESSAGE,
            RequestCode.LITE_PULL_MESSAGE
        };
        for (int code : codes) {
            assertThat(RequestHeaders.typeOf(code)).as(RequestCode.nameOf(code)).isNotNull();
        }
        assertThat(RequestHeaders.codes()).hasSize(codes.length);
        assertThat(RequestHeaders.typeOf(RequestCode.GET_ROUTEINFO_BY_TOPIC)).isNull();
        assertThat(RequestHeaders.typeOf(RequestCode.CHECK_CLIENT_CONFIG)).isNull();
    }

    @Test
    void everyCodecRoundTripsAHeaderBuiltFromItsOwnKeys() {
        for (int code : RequestHeaders.codes()) {
            roundTrip(RequestHeaders.codecOf(code));
        }
        for (int code : ResponseHeaders.requestCodes()) {
            roundTrip(ResponseHeaders.codecOf(code));
        }
    }

    @Test
    void decodeDispatchesByCode() {
        RemotingCommand request = RemotingCommand.request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP)
                .putExtField("topic", "T")
                .putExtField("queueId", "1")
                .putExtField("timestamp", "1000")
                .putExtField("boundaryType", "UPPER");
        assertThat(RequestHeaders.decode(request))
                .isEqualTo(new SearchOffsetRequestHeader("T", 1, 1000L, BoundaryType.UPPER, null));
        assertThatThrownBy(() -> RequestHeaders.decode(RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestHeaders.decode(RemotingCommand.request(RequestCode.END_TRANSACTION)))
                .isInstanceOf(InvalidHeaderException.class);
    }

    @Test
    void resetOffsetUsesTheIsForceKeyAndUniqueKeyQueryItsUnderscoreName() {
        assertThat(RequestHeaders.codecOf(RequestCode.RESET_CONSUMER_CLIENT_OFFSET)
                        .keys())
                .contains("isForce", "timestamp", "group");
        assertThat(RequestHeaders.codecOf(RequestCode.QUERY_MESSAGE).keys()).contains("_UNIQUE_KEY_QUERY");
        assertThat(ResponseHeaders.codecOf(RequestCode.SEND_MESSAGE_V2).keys()).contains("MSG_REGION", "TRACE_ON");
    }

    /** Fills every key with a value its type accepts, decodes, re-encodes: the map must come back. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(HeaderCodec codec) {
        Map<String, String> fields = new HashMap<>();
        for (Object key : codec.keys()) {
            fields.put((String) key, sampleFor(codec.type(), (String) key));
        }
        Record header = codec.decode(fields);
        Map<String, String> encoded = new HashMap<>();
        codec.encodeInto(header, encoded);
        assertThat(encoded).as(codec.type().getSimpleName()).isEqualTo(fields);
    }

    private static String sampleFor(Class<?> type, String key) {
        for (var component : type.getRecordComponents()) {
            var wireName = component.getAnnotation(WireName.class);
            String name = wireName != null ? wireName.value() : component.getName();
            if (name.equals(key) || SendHeaderCodec.V2.keys().contains(key)) {
                Class<?> javaType = name.equals(key) ? component.getType() : v2Type(key);
                if (javaType == String.class) {
                    return "v-" + key;
                } else if (javaType == boolean.class || javaType == Boolean.class) {
                    return "true";
                } else if (javaType == BoundaryType.class) {
                    return "UPPER";
                }
                return "7";
            }
        }
        throw new AssertionError(key + " is not a component of " + type.getSimpleName());
    }

    private static Class<?> v2Type(String key) {
        return switch (key) {
            case "a", "b", "c", "i", "n" -> String.class;
            case "k", "m" -> Boolean.class;
            default -> Integer.class;
        };
    }
}
