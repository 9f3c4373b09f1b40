package io.ferrymq.protocol.header.broker;

import java.util.Map;
import java.util.Set;

/** Hand-written codec of {@link PullMessageResponseHeader}. Stateless and thread-safe. */
public final class PullResponseHeaderCodec implements HeaderCodec<PullMessageResponseHeader> {
    /** The one instance. */
    public static final PullResponseHeaderCodec INSTANCE = new PullResponseHeaderCodec();

    private static final String TYPE = "PullMessageResponseHeader";
    private static final Set<String> KEYS = Set.of(
            "suggestWhichBrokerId",
            "nextBeginOffset",
            "minOffset",
            "maxOffset",
            "offsetDelta",
            "topicSysFlag",
            "groupSysFlag",
            "forbiddenType");

    private PullResponseHeaderCodec() {}

    @Override
    public Class<PullMessageResponseHeader> type() {
        return PullMessageResponseHeader.class;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public PullMessageResponseHeader decode(Map<String, String> fields) {
        return new PullMessageResponseHeader(
                HeaderFields.requiredLong(fields, "suggestWhichBrokerId", TYPE),
                HeaderFields.requiredLong(fields, "nextBeginOffset", TYPE),
                HeaderFields.requiredLong(fields, "minOffset", TYPE),
                HeaderFields.requiredLong(fields, "maxOffset", TYPE),
                HeaderFields.optionalLong(fields, "offsetDelta", TYPE),
                HeaderFields.optionalInt(fields, "topicSysFlag", TYPE),
                HeaderFields.optionalInt(fields, "groupSysFlag", TYPE),
                HeaderFields.optionalInt(fields, "forbiddenType", TYPE));
    }

    @Override
    public void encodeInto(PullMessageResponseHeader header, Map<String, String> fields) {
        fields.put("suggestWhichBrokerId", Long.toString(header.suggestWhichBrokerId()));
        fields.put("nextBeginOffset", Long.toString(header.nextBeginOffset()));
        fields.put("minOffset", Long.toString(header.minOffset()));
        fields.put("maxOffset", Long.toString(header.maxOffset()));
        HeaderFields.put(fields, "offsetDelta", header.offsetDelta());
        HeaderFields.put(fields, "topicSysFlag", header.topicSysFlag());
        HeaderFields.put(fields, "groupSysFlag", header.groupSysFlag());
        HeaderFields.put(fields, "forbiddenType", header.forbiddenType());
    }
}
