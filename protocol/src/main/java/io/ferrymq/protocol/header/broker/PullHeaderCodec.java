package io.ferrymq.protocol.header.broker;

import java.util.Map;
import java.util.Set;

/** Hand-written codec of {@link PullMessageRequestHeader}. Stateless and thread-safe. */
public final class PullHeaderCodec implements HeaderCodec<PullMessageRequestHeader> {
    /** The one instance. */
    public static final PullHeaderCodec INSTANCE = new PullHeaderCodec();

    private static final String TYPE = "PullMessageRequestHeader";
    private static final Set<String> KEYS = Set.of(
            "consumerGroup",
            "topic",
            "queueId",
            "queueOffset",
            "maxMsgNums",
            "sysFlag",
            "commitOffset",
            "suspendTimeoutMillis",
            "subscription",
            "subVersion",
            "expressionType",
            "maxMsgBytes",
            "requestSource",
            "proxyFrowardClientId",
            "bname");

    private PullHeaderCodec() {}

    @Override
    public Class<PullMessageRequestHeader> type() {
        return PullMessageRequestHeader.class;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public PullMessageRequestHeader decode(Map<String, String> fields) {
        return new PullMessageRequestHeader(
                HeaderFields.requiredText(fields, "consumerGroup", TYPE),
                HeaderFields.requiredText(fields, "topic", TYPE),
                HeaderFields.requiredInt(fields, "queueId", TYPE),
                HeaderFields.requiredLong(fields, "queueOffset", TYPE),
                HeaderFields.requiredInt(fields, "maxMsgNums", TYPE),
                HeaderFields.requiredInt(fields, "sysFlag", TYPE),
                HeaderFields.requiredLong(fields, "commitOffset", TYPE),
                HeaderFields.requiredLong(fields, "suspendTimeoutMillis", TYPE),
                HeaderFields.optionalText(fields, "subscription"),
                HeaderFields.requiredLong(fields, "subVersion", TYPE),
                HeaderFields.optionalText(fields, "expressionType"),
                HeaderFields.optionalInt(fields, "maxMsgBytes", TYPE),
                HeaderFields.optionalInt(fields, "requestSource", TYPE),
                HeaderFields.optionalText(fields, "proxyFrowardClientId"),
                HeaderFields.optionalText(fields, "bname"));
    }

    @Override
    public void encodeInto(PullMessageRequestHeader header, Map<String, String> fields) {
        HeaderFields.put(fields, "consumerGroup", header.consumerGroup());
        HeaderFields.put(fields, "topic", header.topic());
        fields.put("queueId", Integer.toString(header.queueId()));
        fields.put("queueOffset", Long.toString(header.queueOffset()));
        fields.put("maxMsgNums", Integer.toString(header.maxMsgNums()));
        fields.put("sysFlag", Integer.toString(header.sysFlag()));
        fields.put("commitOffset", Long.toString(header.commitOffset()));
        fields.put("suspendTimeoutMillis", Long.toString(header.suspendTimeoutMillis()));
        HeaderFields.put(fields, "subscription", header.subscription());
        fields.put("subVersion", Long.toString(header.subVersion()));
        HeaderFields.put(fields, "expressionType", header.expressionType());
        HeaderFields.put(fields, "maxMsgBytes", header.maxMsgBytes());
        HeaderFields.put(fields, "requestSource", header.requestSource());
        HeaderFields.put(fields, "proxyFrowardClientId", header.proxyFrowardClientId());
        HeaderFields.put(fields, "bname", header.bname());
    }
}
