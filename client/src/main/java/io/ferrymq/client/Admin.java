package io.ferrymq.client;

import io.ferrymq.client.internal.ClientRuntime;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.client.internal.WireBodies.HeartbeatData;
import io.ferrymq.client.internal.admin.BrokerDirectory;
import io.ferrymq.client.internal.admin.ConsumeProgress;
import io.ferrymq.client.internal.admin.DeadLetters;
import io.ferrymq.client.internal.admin.DelayedMessages;
import io.ferrymq.client.internal.admin.HalfMessages;
import io.ferrymq.client.internal.admin.MessageLookup;
import io.ferrymq.client.internal.admin.Topics;
import io.ferrymq.client.internal.consumer.ConsumerRpc;
import io.ferrymq.client.internal.consumer.Rebalancer;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.TopicRouteData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final ConsumerRpc consumerRpc;
    private final BrokerDirectory brokers;
    private final Topics topics;
    private final MessageLookup messages;
    private final ConsumeProgress progress;
    private final DelayedMessages delayed;
    private final HalfMessages halfMessages;
    private final DeadLetters deadLetters;

    private Admin(String namesrvAddr, Clock clock) {
        this.runtime = new ClientRuntime(
                namesrvAddr, clock, "admin", () -> new HeartbeatData("admin", List.of(), List.of(), 0, false));
        Rpc rpc = runtime.rpc();
        this.consumerRpc = new ConsumerRpc(rpc);
        this.brokers = new BrokerDirectory(rpc, runtime.routes(), TIMEOUT_MS);
        this.topics = new Topics(rpc, brokers, TIMEOUT_MS);
        this.messages = new MessageLookup(rpc, brokers, TIMEOUT_MS);
        this.progress = new ConsumeProgress(rpc, brokers, TIMEOUT_MS);
        this.delayed = new DelayedMessages(rpc, brokers, TIMEOUT_MS);
        this.halfMessages = new HalfMessages(rpc, brokers, TIMEOUT_MS);
        this.deadLetters = new DeadLetters(rpc, brokers, TIMEOUT_MS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GET_BROKER_CLUSTER_INFO: every broker group and cluster the nameserver knows (the next one if one does not answer). */
    public ClusterInfo clusterInfo() {
        return brokers.clusterInfo();
    }

    /** Creates or updates {@code topic} with {@code queueNums} read and write queues on every master of {@code cluster}. */
    public void createTopic(String cluster, String topic, int queueNums) {
        topics.create(cluster, topic, queueNums);
    }

    /** Deletes {@code topic} from every master of {@code cluster}, then from every nameserver. */
    public void deleteTopic(String cluster, String topic) {
        topics.delete(cluster, topic);
    }

    /**
     * GET_ROUTEINFO_BY_TOPIC, fresh from the nameserver.
     *
     * @throws ClientException with TOPIC_NOT_EXIST when the nameserver has no route
     */
    public TopicRouteData topicRoute(String topic) {
        return brokers.route(topic);
    }

    /** The readable queues of {@code topic}, sorted. */
    public List<MessageQueue> queues(String topic) {
        return Rebalancer.readable(topic, topicRoute(topic));
    }

    /** GET_MAX_OFFSET: the queue's next offset to be written. */
    public long maxOffset(MessageQueue queue) {
        return consumerRpc.maxOffset(brokers.masterOf(queue), queue);
    }

    /** GET_MIN_OFFSET: the queue's oldest offset still stored. */
    public long minOffset(MessageQueue queue) {
        return consumerRpc.minOffset(brokers.masterOf(queue), queue);
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP: the first offset stored at or after {@code time}. */
    public long searchOffset(MessageQueue queue, Instant time) {
        return consumerRpc.searchOffset(brokers.masterOf(queue), queue, time.toEpochMilli());
    }

    /**
     * QUERY_MESSAGE on every master of the topic: messages whose KEYS hold {@code key}, stored between
     * {@code begin} and {@code end}, at most {@code maxNum} per broker.
     */
    public List<MessageView> queryMessageByKey(String topic, String key, Instant begin, Instant end, int maxNum) {
        return messages.byKey(topic, key, begin, end, maxNum);
    }

    /** VIEW_MESSAGE_BY_ID: the message an offset message id ({@link SendResult#offsetMsgId()}) names. */
    public MessageView viewMessage(String offsetMsgId) {
        return messages.byOffsetId(offsetMsgId);
    }

    /** GET_CONSUME_STATS from every master of {@code topic}'s route: the group's offsets and lag per queue. */
    public ConsumerGroupStats consumeStats(String group, String topic) {
        return progress.of(group, topic);
    }

    /**
     * FERRY_CANCEL_TIMER: cancels the pending delayed message {@code msgId} ({@link SendResult#msgId()})
     * on whichever master of {@code cluster} holds it. Returns true when one did (the message will never
     * be delivered), false when none had it pending (already delivered, cancelled, or unknown).
     */
    public boolean cancelDelayed(String cluster, String msgId) {
        return delayed.cancel(cluster, msgId);
    }

    /** FERRY_TIMER_STATS of every master of {@code cluster}: its delayed messages, by broker address. */
    public Map<String, DelayStats> delayStats(String cluster) {
        return delayed.stats(cluster);
    }

    /**
     * FERRY_TRANSACTION_LIST on every master of {@code cluster}: half messages no decision settled,
     * {@code parked} ones (their producer group never answered the broker's last check: an operator
     * decides) or all still {@code pending} ones; at most {@code max} per broker.
     */
    public List<PendingTransaction> unresolvedTransactions(String cluster, boolean parkedOnly, int max) {
        return halfMessages.unresolved(cluster, parkedOnly, max);
    }

    /**
     * FERRY_TRANSACTION_RESOLVE: an operator commits (delivers) or rolls back a half message the
     * broker at {@code brokerAddr} holds at {@code halfOffset}. Idempotent for the same decision.
     *
     * @throws ClientException when it is unknown there or was settled the other way
     */
    public void resolveTransaction(String brokerAddr, long halfOffset, boolean commit) {
        halfMessages.resolve(brokerAddr, halfOffset, commit);
    }

    /**
     * FERRY_DLQ_LIST on every master of {@code cluster}: the dead letters of {@code group} stored within
     * [{@code begin}, {@code end}], oldest first, at most {@code max} per broker.
     */
    public List<DeadLetterView> deadLetters(String cluster, String group, Instant begin, Instant end, int max) {
        return deadLetters.list(cluster, group, begin, end, max);
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
        return deadLetters.replay(brokerAddr, group, msgIds, toRetryTopic, permitsPerSecond);
    }

    /** FERRY_DLQ_STATS of every master of {@code cluster}: messages sent to each group's DLQ, summed. */
    public Map<String, Long> deadLetterCounts(String cluster) {
        return deadLetters.counts(cluster);
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
