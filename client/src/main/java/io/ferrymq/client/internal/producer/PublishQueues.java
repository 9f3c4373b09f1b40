package io.ferrymq.client.internal.producer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.QueueData;
import io.ferrymq.protocol.route.TopicRouteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writable queues of a topic for a producer (wire-protocol §3.1). A topic the nameserver does not
 * know yet gets queues derived from the auto-create template TBW102 ({@code min(4, readQueueNums)}
 * per broker), used until a route refresh finds the real route. Thread-safe.
 */
public final class PublishQueues {
    /** The auto-create template topic. */
    public static final String TEMPLATE_TOPIC = "TBW102";
    /** Queues asked for a topic created from the template. */
    public static final int DEFAULT_TOPIC_QUEUE_NUMS = 4;

    private final RouteTable routes;
    private final Map<String, List<MessageQueue>> derived = new ConcurrentHashMap<>();

    public PublishQueues(RouteTable routes) {
        this.routes = routes;
    }

    /**
     * The topic's writable queues, sorted; never empty.
     *
     * @throws ClientException (TOPIC_NOT_EXIST) when neither the topic nor the template has a route
     */
    public List<MessageQueue> of(String topic) {
        Optional<TopicRouteData> cached = routes.cached(topic);
        if (cached.isPresent() && !writable(topic, cached.get()).isEmpty()) {
            derived.remove(topic);
            return writable(topic, cached.get());
        }
        List<MessageQueue> fromTemplate = derived.get(topic);
        if (fromTemplate != null) {
            return fromTemplate;
        }
        Optional<TopicRouteData> fetched = routes.refresh(topic);
        if (fetched.isPresent() && !writable(topic, fetched.get()).isEmpty()) {
            return writable(topic, fetched.get());
        }
        List<MessageQueue> queues = routes.route(TEMPLATE_TOPIC)
                .map(template -> fromTemplate(topic, template))
                .orElse(List.of());
        if (queues.isEmpty()) {
            throw new ClientException(ResponseCode.TOPIC_NOT_EXIST, "No route info of this topic: " + topic);
        }
        derived.put(topic, queues);
        return queues;
    }

    /** The queues of {@code route} a producer may write, sorted. */
    public static List<MessageQueue> writable(String topic, TopicRouteData route) {
        List<MessageQueue> queues = new ArrayList<>();
        for (QueueData data : route.queueDatas()) {
            if (PermName.isWriteable(data.perm()) && hasMaster(route, data.brokerName())) {
                for (int i = 0; i < data.writeQueueNums(); i++) {
                    queues.add(new MessageQueue(topic, data.brokerName(), i));
                }
            }
        }
        queues.sort(null);
        return queues;
    }

    static List<MessageQueue> fromTemplate(String topic, TopicRouteData template) {
        List<MessageQueue> queues = new ArrayList<>();
        for (QueueData data : template.queueDatas()) {
            if (PermName.isWriteable(data.perm()) && hasMaster(template, data.brokerName())) {
                int count = Math.min(DEFAULT_TOPIC_QUEUE_NUMS, data.readQueueNums());
                for (int i = 0; i < count; i++) {
                    queues.add(new MessageQueue(topic, data.brokerName(), i));
                }
            }
        }
        queues.sort(null);
        return queues;
    }

    private static boolean hasMaster(TopicRouteData route, String brokerName) {
        for (BrokerData broker : route.brokerDatas()) {
            if (broker.brokerName().equals(brokerName) && broker.masterAddr() != null) {
                return true;
            }
        }
        return false;
    }
}
