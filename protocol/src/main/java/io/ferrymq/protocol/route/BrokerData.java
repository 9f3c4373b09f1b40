package io.ferrymq.protocol.route;

import com.alibaba.fastjson2.JSONWriter;
import com.alibaba.fastjson2.annotation.JSONField;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One broker group (all brokers sharing a {@code brokerName}), an element of a route's
 * {@code brokerDatas}: {@code {"cluster":"C","brokerName":"broker-a","brokerAddrs":{"0":"host:port"},
 * "enableActingMaster":false}}. Id 0 is the master. The ids are written as quoted strings whatever
 * encoder is used, because non-Java clients cannot parse fastjson's bare numeric keys. Immutable.
 *
 * @param zoneName optional; omitted from the JSON when null
 */
public record BrokerData(
        String cluster,
        String brokerName,

        @JSONField(serializeFeatures = JSONWriter.Feature.WriteNonStringKeyAsString)
        Map<Long, String> brokerAddrs,

        boolean enableActingMaster,
        String zoneName) {

    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = brokerAddrs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }

    /** The master's address, or null when the group has no master registered. */
    public String masterAddr() {
        return brokerAddrs.get(MASTER_ID);
    }
}
