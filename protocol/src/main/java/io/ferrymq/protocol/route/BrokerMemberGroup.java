package io.ferrymq.protocol.route;

import com.alibaba.fastjson2.JSONWriter;
import com.alibaba.fastjson2.annotation.JSONField;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live members of one broker group, the payload of a GET_BROKER_MEMBER_GROUP response (wrapped
 * in {@link BrokerMemberGroupBody}). Ids are written as quoted strings. Immutable.
 */
public record BrokerMemberGroup(
        String cluster,
        String brokerName,

        @JSONField(serializeFeatures = JSONWriter.Feature.WriteNonStringKeyAsString)
        Map<Long, String> brokerAddrs) {

    public BrokerMemberGroup {
        brokerAddrs = brokerAddrs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }
}
