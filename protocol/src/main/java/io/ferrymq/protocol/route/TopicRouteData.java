package io.ferrymq.protocol.route;

import java.util.List;
import java.util.Map;

/**
 * The body of a GET_ROUTEINFO_BY_TOPIC response: where a topic's queues live.
 * {@code queueDatas} and {@code brokerDatas} are always arrays and {@code filterServerTable} always
 * an object, because clients iterate them without null checks; {@code orderTopicConf} is omitted
 * unless the topic is a global-order topic. Immutable.
 *
 * @param orderTopicConf {@code "brokerA:4;brokerB:4"} for global-order topics, else null
 */
public record TopicRouteData(
        String orderTopicConf,
        List<QueueData> queueDatas,
        List<BrokerData> brokerDatas,
        Map<String, List<String>> filterServerTable) {

    public TopicRouteData {
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }

    public TopicRouteData(List<QueueData> queueDatas, List<BrokerData> brokerDatas) {
        this(null, queueDatas, brokerDatas, Map.of());
    }

    public TopicRouteData withOrderTopicConf(String conf) {
        return new TopicRouteData(conf, queueDatas, brokerDatas, filterServerTable);
    }
}
