package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.RequestCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which typed header answers each broker request code that has a response header (the answer to a
 * SEND, a PULL, an offset query, ...). Look-ups are by the <em>request</em> code, since responses
 * carry a response code. Immutable and thread-safe.
 */
public final class ResponseHeaders {
    private static final Map<Integer, HeaderCodec<?>> CODECS = codecs();

    private ResponseHeaders() {}

    /** The codec of the response header to {@code requestCode}, or null when the answer has none. */
    public static HeaderCodec<?> codecOf(int requestCode) {
        return CODECS.get(requestCode);
    }

    /** Every request code whose response has a typed header. */
    public static Set<Integer> requestCodes() {
        return CODECS.keySet();
    }

    private static Map<Integer, HeaderCodec<?>> codecs() {
        Map<Integer, HeaderCodec<?>> codecs = new HashMap<>();
        codecs.put(RequestCode.SEND_MESSAGE, SendResponseHeaderCodec.INSTANCE);
        codecs.put(RequestCode.SEND_MESSAGE_V2, SendResponseHeaderCodec.INSTANCE);
        codecs.put(RequestCode.SEND_BATCH_MESSAGE, SendResponseHeaderCodec.INSTANCE);
        codecs.put(RequestCode.PULL_MESSAGE, PullResponseHeaderCodec.INSTANCE);
        codecs.put(RequestCode.LITE_PULL_MESSAGE, PullResponseHeaderCodec.INSTANCE);
        bind(codecs, RequestCode.QUERY_MESSAGE, QueryMessageResponseHeader.class);
        bind(codecs, RequestCode.QUERY_CONSUMER_OFFSET, QueryConsumerOffsetResponseHeader.class);
        bind(codecs, RequestCode.GET_MAX_OFFSET, GetMaxOffsetResponseHeader.class);
        bind(codecs, RequestCode.GET_MIN_OFFSET, GetMinOffsetResponseHeader.class);
        bind(codecs, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, SearchOffsetResponseHeader.class);
        bind(codecs, RequestCode.GET_EARLIEST_MSG_STORETIME, GetEarliestMsgStoretimeResponseHeader.class);
        bind(codecs, RequestCode.HEART_BEAT, HeartbeatResponseHeader.class);
        return Map.copyOf(codecs);
    }

    private static void bind(Map<Integer, HeaderCodec<?>> codecs, int code, Class<? extends Record> type) {
        codecs.put(code, BoundHeaderCodec.of(type));
    }
}
