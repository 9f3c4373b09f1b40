package io.ferrymq.client;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.client.internal.ClientRuntime;
import io.ferrymq.client.internal.ConsumeStatsCodec;
import io.ferrymq.client.internal.DelayStatsCodec;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.client.internal.consumer.ConsumerRpc;
import io.ferrymq.client.internal.consumer.PullBodyDecoder;
import io.ferrymq.client.internal.consumer.Rebalancer;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.CreateTopicRequestHeader;
import io.ferrymq.protocol.header.broker.DeleteTopicRequestHeader;
import io.ferrymq.protocol.header.broker.GetConsumeStatsRequestHeader;
import io.ferrymq.protocol.header.broker.GetMinOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.QueryMessageRequestHeader;
import io.ferrymq.protocol.header.broker.ViewMessageRequestHeader;
import io.ferrymq.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.OffsetMessageId;
import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicRouteData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Administration of a cluster through its nameservers: topics, routes, queue offsets, message look-up,
 * consumer-group progress, delayed messages, transactions and dead letters. Every call is synchronous and throws {@link ClientException} when a
 * server refuses or does not answer. Thread-safe.
 *
 * <pre>{@code
 * try (Admin admin = Admin.builder().namesrvAddr("127.0.0.1:9876").build()) {
 *     admin.createTopic("DefaultCluster", "Orders", 8);
 *     long lag = admin.consumeStats("billing", "Orders").totalLag();
 * }
 * }</pre>
 */
public final class Admin implements AutoCloseable {
    private static final long TIMEOUT_MS = 5000;

    private final ClientRuntime runtime;
    private final Rpc rpc;
    private final ConsumerRpc consumerRpc;

    private Admin(String namesrvAddr, Clock clock) {
        this.runtime = new ClientRuntime(
                namesrvAddr, clock, "admin", () -> new HeartbeatData("admin", List.of(), List.of(), 0, false));
        this.rpc = runtime.rpc();
        this.consumerRpc = new ConsumerRpc(rpc);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GET_BROKER_CLUSTER_INFO: every broker group and cluster the nameserver knows. */
    public ClusterInfo clusterInfo() {
        RemotingCommand request = Rpc.request(RequestCode.GET_BROKER_CLUSTER_INFO, null);
        return JsonBodyCodec.decode(
                rpc.callOk(runtime.routes().namesrvAddr(), request, TIMEOUT_MS).body(), ClusterInfo.class);
    }

    /** Creates or updates {@code topic} with {@code queueNums} read and write queues on every master of {@code cluster}. */
    public void createTopic(String cluster, String topic, int queueNums) {
        CreateTopicRequestHeader header = new CreateTopicRequestHeader(
                topic,
                "TBW102",
                queueNums,
                queueNums,
                PermName.PERM_READ | PermName.PERM_WRITE,
                TopicConfig.SINGLE_TAG,
                0,
                false,
                null,
                null,
                null);
        for (String addr : masters(cluster)) {
            rpc.callOk(addr, Rpc.request(RequestCode.UPDATE_AND_CREATE_TOPIC, header), TIMEOUT_MS);
        }
    }

    /** Deletes {@code topic} from every master of {@code cluster}, then from the nameserver. */
    public void deleteTopic(String cluster, String topic) {
        for (String addr : masters(cluster)) {
            RemotingCommand request =
                    Rpc.request(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic, null));
            rpc.callOk(addr, request, TIMEOUT_MS);
        }
        RemotingCommand request = Rpc.request(
                RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader(topic, cluster));
        rpc.callOk(runtime.routes().namesrvAddr(), request, TIMEOUT_MS);
    }

    /**
     * GET_ROUTEINFO_BY_TOPIC, fresh from the nameserver.
     *
     * @throws ClientException with TOPIC_NOT_EXIST when the nameserver has no route
     */
    public TopicRouteData topicRoute(String topic) {
        return runtime.routes()
                .refresh(topic)
                .orElseThrow(() -> new ClientException(ResponseCode.TOPIC_NOT_EXIST, "no route for topic " + topic));
    }

    /** The readable queues of {@code topic}, sorted. */
    public List<MessageQueue> queues(String topic) {
        return Rebalancer.readable(topic, topicRoute(topic));
    }

    /** GET_MAX_OFFSET: the queue's next offset to be written. */
    public long maxOffset(MessageQueue queue) {
        return consumerRpc.maxOffset(addrOf(queue), queue);
    }

    /** GET_MIN_OFFSET: the queue's oldest offset still stored. */
    public long minOffset(MessageQueue queue) {
        RemotingCommand request = Rpc.request(
                RequestCode.GET_MIN_OFFSET,
                new GetMinOffsetRequestHeader(queue.topic(), queue.queueId(), queue.brokerName()));
        return Long.parseLong(rpc.callOk(addrOf(queue), request, TIMEOUT_MS).extField("offset"));
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP: the first offset stored at or after {@code time}. */
    public long searchOffset(MessageQueue queue, Instant time) {
        return consumerRpc.searchOffset(addrOf(queue), queue, time.toEpochMilli());
    }

    /**
     * QUERY_MESSAGE on every master of the topic: messages whose KEYS hold {@code key}, stored between
     * {@code begin} and {@code end}, at most {@code maxNum} per broker.
     */
    public List<MessageView> queryMessageByKey(String topic, String key, Instant begin, Instant end, int maxNum) {
        List<MessageView> found = new ArrayList<>();
        for (BrokerData broker : topicRoute(topic).brokerDatas()) {
            if (broker.masterAddr() == null) {
                continue;
            }
            QueryMessageRequestHeader header = new QueryMessageRequestHeader(
                    topic, key, maxNum, begin.toEpochMilli(), end.toEpochMilli(), null, broker.brokerName());
            RemotingCommand request = Rpc.request(RequestCode.QUERY_MESSAGE, header);
            RemotingCommand response = rpc.call(broker.masterAddr(), request, TIMEOUT_MS);
            if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
                continue;
            }
            if (response.code() != ResponseCode.SUCCESS) {
                throw Rpc.refused(broker.masterAddr(), request, response);
            }
            for (MessageView view : PullBodyDecoder.decode(response.body(), broker.brokerName(), null)) {
                if (view.topic().equals(topic) && view.keys().contains(key)) {
                    found.add(view);
                }
            }
        }
        return found;
    }

    /** VIEW_MESSAGE_BY_ID: the message an offset message id ({@link SendResult#offsetMsgId()}) names. */
    public MessageView viewMessage(String offsetMsgId) {
        OffsetMessageId id = MessageIds.decodeOffsetMessageId(offsetMsgId);
        String addr = id.storeHost().getAddress().getHostAddress() + ":"
                + id.storeHost().getPort();
        RemotingCommand request = Rpc.request(
                RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(id.physicalOffset(), null, null));
        List<MessageView> views =
                PullBodyDecoder.decode(rpc.callOk(addr, request, TIMEOUT_MS).body(), brokerNameOf(addr), null);
        if (views.isEmpty()) {
            throw new ClientException("no message in the answer for " + offsetMsgId);
        }
        return views.get(0);
    }

    /** GET_CONSUME_STATS from every master of {@code topic}'s route: the group's offsets and lag per queue. */
    public ConsumerGroupStats consumeStats(String group, String topic) {
        List<QueueStats> queues = new ArrayList<>();
        double tps = 0;
        for (BrokerData broker : topicRoute(topic).brokerDatas()) {
            if (broker.masterAddr() == null) {
                continue;
            }
            RemotingCommand request =
                    Rpc.request(RequestCode.GET_CONSUME_STATS, new GetConsumeStatsRequestHeader(group, topic, null));
            byte[] body = rpc.callOk(broker.masterAddr(), request, TIMEOUT_MS).body();
            queues.addAll(ConsumeStatsCodec.queues(body));
            tps += ConsumeStatsCodec.consumeTps(body);
        }
        queues.sort((a, b) -> a.queue().compareTo(b.queue()));
        return new ConsumerGroupStats(group, queues, tps);
    }

    /**
     * FERRY_CANCEL_TIMER: cancels the pending delayed message {@code msgId} ({@link SendResult#msgId()})
     * on whichever master of {@code cluster} holds it. Returns true when one did (the message will never
     * be delivered), false when none had it pending (already delivered, cancelled, or unknown).
     */
    public boolean cancelDelayed(String cluster, String msgId) {
        boolean cancelled = false;
        for (String addr : masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_CANCEL_TIMER);
            request.extFields(new HashMap<>(Map.of("msgId", msgId)));
            RemotingCommand response = rpc.call(addr, request, TIMEOUT_MS);
            if (response.code() == ResponseCode.SUCCESS) {
                cancelled = true;
            } else if (response.code() != ResponseCode.QUERY_NOT_FOUND) {
                throw Rpc.refused(addr, request, response);
            }
        }
        return cancelled;
    }

    /** FERRY_TIMER_STATS of every master of {@code cluster}: its delayed messages, by broker address. */
    public Map<String, DelayStats> delayStats(String cluster) {
        Map<String, DelayStats> stats = new java.util.TreeMap<>();
        for (String addr : masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TIMER_STATS);
            stats.put(
                    addr,
                    DelayStatsCodec.decode(rpc.callOk(addr, request, TIMEOUT_MS).body()));
        }
        return stats;
    }

    /**
     * FERRY_TRANSACTION_LIST on every master of {@code cluster}: half messages no decision settled,
     * {@code parked} ones (their producer group never answered the broker's last check: an operator
     * decides) or all still {@code pending} ones; at most {@code max} per broker.
     */
    public List<PendingTransaction> unresolvedTransactions(String cluster, boolean parkedOnly, int max) {
        List<PendingTransaction> found = new ArrayList<>();
        for (String addr : masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TRANSACTION_LIST);
            request.extFields(new HashMap<>(
                    Map.of("state", parkedOnly ? "unresolved" : "pending", "max", Integer.toString(max))));
            byte[] body = rpc.callOk(addr, request, TIMEOUT_MS).body();
            for (JSONObject half : JSON.parseArray(body).toJavaList(JSONObject.class)) {
                found.add(new PendingTransaction(
                        addr,
                        half.getLongValue("halfOffset"),
                        half.getString("topic"),
                        half.getIntValue("queueId"),
                        half.getString("msgId"),
                        half.getString("producerGroup"),
                        half.getLongValue("storeTimeMs"),
                        half.getIntValue("checks"),
                        half.getString("state")));
            }
        }
        return found;
    }

    /**
     * FERRY_TRANSACTION_RESOLVE: an operator commits (delivers) or rolls back a half message the
     * broker at {@code brokerAddr} holds at {@code halfOffset}. Idempotent for the same decision.
     *
     * @throws ClientException when it is unknown there or was settled the other way
     */
    public void resolveTransaction(String brokerAddr, long halfOffset, boolean commit) {
        RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_TRANSACTION_RESOLVE);
        request.extFields(new HashMap<>(
                Map.of("halfOffset", Long.toString(halfOffset), "decision", commit ? "COMMIT" : "ROLLBACK")));
        rpc.callOk(brokerAddr, request, TIMEOUT_MS);
    }

    /**
     * FERRY_DLQ_LIST on every master of {@code cluster}: the dead letters of {@code group} stored within
     * [{@code begin}, {@code end}], oldest first, at most {@code max} per broker.
     */
    public List<DeadLetterView> deadLetters(String cluster, String group, Instant begin, Instant end, int max) {
        List<DeadLetterView> found = new ArrayList<>();
        for (String addr : masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_LIST);
            request.extFields(new HashMap<>(Map.of(
                    "group", group,
                    "beginMs", Long.toString(begin.toEpochMilli()),
                    "endMs", Long.toString(end.toEpochMilli()),
                    "max", Integer.toString(max))));
            byte[] body = rpc.callOk(addr, request, TIMEOUT_MS).body();
            for (JSONObject letter : JSON.parseArray(body).toJavaList(JSONObject.class)) {
                JSONObject properties = letter.getJSONObject("properties");
                Map<String, String> props = new java.util.LinkedHashMap<>();
                if (properties != null) {
                    properties.forEach((k, v) -> props.put(k, String.valueOf(v)));
                }
                found.add(new DeadLetterView(
                        addr,
                        letter.getString("msgId"),
                        letter.getString("originTopic"),
                        letter.getIntValue("reconsumeTimes"),
                        letter.getLongValue("storeTimeMs"),
                        letter.getIntValue("bodySizeBytes"),
                        props,
                        letter.containsKey("replayedAtMs") ? letter.getLongValue("replayedAtMs") : -1));
            }
        }
        return found;
    }

    /**
     * FERRY_DLQ_REPLAY: sends the dead letters {@code msgIds} of {@code group}, held by {@code
     * brokerAddr}, again: to their original topic (every group subscribed there sees them), or with
     * {@code toRetryTopic} to {@code group}'s retry topic only. Durable whether or not a consumer is
     * online; idempotent (a message replayed before is not sent again); paced to {@code
     * permitsPerSecond}. One outcome per id, in order.
     */
    public List<ReplayOutcome> replayDeadLetters(
            String brokerAddr, String group, List<String> msgIds, boolean toRetryTopic, double permitsPerSecond) {
        RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_REPLAY);
        request.extFields(new HashMap<>(Map.of(
                "group",
                group,
                "msgIds",
                String.join(",", msgIds),
                "target",
                toRetryTopic ? "RETRY_TOPIC" : "ORIGINAL_TOPIC",
                "permitsPerSecond",
                Double.toString(permitsPerSecond))));
        long timeout = TIMEOUT_MS + (long) (msgIds.size() / permitsPerSecond * 1000) + 30_000;
        byte[] body = rpc.callOk(brokerAddr, request, timeout).body();
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (JSONObject result : JSON.parseArray(body).toJavaList(JSONObject.class)) {
            outcomes.add(new ReplayOutcome(
                    result.getString("msgId"),
                    result.getString("status"),
                    result.getString("targetTopic"),
                    result.getString("reason")));
        }
        return outcomes;
    }

    /** FERRY_DLQ_STATS of every master of {@code cluster}: messages sent to each group's DLQ, summed. */
    public Map<String, Long> deadLetterCounts(String cluster) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String addr : masters(cluster)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.FERRY_DLQ_STATS);
            JSONObject body =
                    JSON.parseObject(rpc.callOk(addr, request, TIMEOUT_MS).body());
            body.forEach((group, count) -> counts.merge(group, ((Number) count).longValue(), Long::sum));
        }
        return counts;
    }

    private List<String> masters(String cluster) {
        ClusterInfo info = clusterInfo();
        Set<String> names = info.clusterAddrTable().get(cluster);
        if (names == null || names.isEmpty()) {
            throw new ClientException("cluster " + cluster + " is unknown to the nameserver");
        }
        List<String> addrs = new ArrayList<>();
        for (String name : names) {
            BrokerData broker = info.brokerAddrTable().get(name);
            if (broker != null && broker.masterAddr() != null) {
                addrs.add(broker.masterAddr());
            }
        }
        return addrs;
    }

    private String addrOf(MessageQueue queue) {
        String addr = runtime.routes().masterAddr(queue.brokerName());
        if (addr == null) {
            runtime.routes().refresh(queue.topic());
            addr = runtime.routes().masterAddr(queue.brokerName());
        }
        if (addr == null) {
            BrokerData broker = clusterInfo().brokerAddrTable().get(queue.brokerName());
            addr = broker == null ? null : broker.masterAddr();
        }
        if (addr == null) {
            throw new ClientException("no master address known for broker " + queue.brokerName());
        }
        return addr;
    }

    private String brokerNameOf(String addr) {
        for (BrokerData broker : clusterInfo().brokerAddrTable().values()) {
            if (broker.brokerAddrs().containsValue(addr)) {
                return broker.brokerName();
            }
        }
        return addr;
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Configures an {@link Admin}. Not thread-safe. */
    public static final class Builder {
        private String namesrvAddr;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** {@code host:port}, several separated by {@code ;}. Required. */
        public Builder namesrvAddr(String namesrvAddr) {
            this.namesrvAddr = namesrvAddr;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Admin build() {
            if (namesrvAddr == null) {
                throw new IllegalArgumentException("namesrvAddr is required");
            }
            return new Admin(namesrvAddr, clock);
        }
    }
}
