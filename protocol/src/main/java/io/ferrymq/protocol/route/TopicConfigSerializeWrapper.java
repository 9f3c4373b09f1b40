package io.ferrymq.protocol.route;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker's topic table with its version, the {@code topicConfigSerializeWrapper} of a
 * registration body. The static-topic mapping maps are carried opaquely (FerryMQ does not serve
 * static topics) and default to empty objects. Immutable.
 *
 * @param mappingDataVersion version of the static-topic mappings; null when absent
 */
public record TopicConfigSerializeWrapper(
        DataVersion dataVersion,
        Map<String, TopicConfig> topicConfigTable,
        DataVersion mappingDataVersion,
        Map<String, Object> topicQueueMappingInfoMap,
        Map<String, Object> topicQueueMappingDetailMap) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = unmodifiable(topicConfigTable);
        topicQueueMappingInfoMap = unmodifiable(topicQueueMappingInfoMap);
        topicQueueMappingDetailMap = unmodifiable(topicQueueMappingDetailMap);
    }

    public TopicConfigSerializeWrapper(DataVersion dataVersion, Map<String, TopicConfig> topicConfigTable) {
        this(dataVersion, topicConfigTable, null, Map.of(), Map.of());
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
