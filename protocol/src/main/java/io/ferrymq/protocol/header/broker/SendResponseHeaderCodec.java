package io.ferrymq.protocol.header.broker;

import java.util.Map;
import java.util.Set;

/** Hand-written codec of {@link SendMessageResponseHeader}. Stateless and thread-safe. */
public final class SendResponseHeaderCodec implements HeaderCodec<SendMessageResponseHeader> {
    /** The one instance. */
    public static final SendResponseHeaderCodec INSTANCE = new SendResponseHeaderCodec();

    private static final String TYPE = "SendMessageResponseHeader";
    private static final Set<String> KEYS = Set.of(
            "msgId",
            "queueId",
            "queueOffset",
            "transactionId",
            "batchUniqId",
            "recallHandle",
            "MSG_REGION",
            "TRACE_ON");

    private SendResponseHeaderCodec() {}

    @Override
    public Class<SendMessageResponseHeader> type() {
        return SendMessageResponseHeader.class;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public SendMessageResponseHeader decode(Map<String, String> fields) {
        return new SendMessageResponseHeader(
                HeaderFields.requiredText(fields, "msgId", TYPE),
                HeaderFields.requiredInt(fields, "queueId", TYPE),
                HeaderFields.requiredLong(fields, "queueOffset", TYPE),
                HeaderFields.optionalText(fields, "transactionId"),
                HeaderFields.optionalText(fields, "batchUniqId"),
                HeaderFields.optionalText(fields, "recallHandle"),
                HeaderFields.optionalText(fields, "MSG_REGION"),
                HeaderFields.optionalBoolean(fields, "TRACE_ON"));
    }

    @Override
    public void encodeInto(SendMessageResponseHeader header, Map<String, String> fields) {
        HeaderFields.put(fields, "msgId", header.msgId());
        fields.put("queueId", Integer.toString(header.queueId()));
        fields.put("queueOffset", Long.toString(header.queueOffset()));
        HeaderFields.put(fields, "transactionId", header.transactionId());
        HeaderFields.put(fields, "batchUniqId", header.batchUniqId());
        HeaderFields.put(fields, "recallHandle", header.recallHandle());
        HeaderFields.put(fields, "MSG_REGION", header.msgRegion());
        HeaderFields.put(fields, "TRACE_ON", header.traceOn());
    }
}
