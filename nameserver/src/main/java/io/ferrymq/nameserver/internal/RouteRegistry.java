package io.ferrymq.nameserver.internal;

import io.ferrymq.protocol.route.BrokerData;
import io.ferrymq.protocol.route.ClusterInfo;
import io.ferrymq.protocol.route.DataVersion;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.QueueData;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.protocol.route.TopicList;
import io.ferrymq.protocol.route.TopicRouteData;
import io.ferrymq.remoting.RemoteChannel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nameserver's whole state: which brokers are alive, which groups and clusters they form, and
 * which broker groups serve each topic. Registration, unregistration and expiry write it; route and
 * cluster lookups read it.
 *
 * <p>Thread-safe: one read-write lock guards all tables. Lookups (the hot path: every client asks
 * for routes every 30 s) take the read lock and return immutable snapshots; broker group data is
 * pre-built on change, so a route read copies only two small lists.
 */
public final class RouteRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRegistry.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final BrokerTable brokers = new BrokerTable();
    private final TopicTable topics = new TopicTable();
    private final InstantSource clock;
    private final BooleanSupplier deleteTopicWithBrokerRegistration;

    /**
     * @param deleteTopicWithBrokerRegistration read on each registration: when true, a master's
     *     registration with a changed data version drops its topics missing from the new table
     */
    public RouteRegistry(InstantSource clock, BooleanSupplier deleteTopicWithBrokerRegistration) {
        this.clock = Objects.requireNonNull(clock);
        this.deleteTopicWithBrokerRegistration = deleteTopicWithBrokerRegistration;
    }

    public RouteRegistry(InstantSource clock) {
        this(clock, () -> false);
    }

    public RegisterResult register(BrokerRegistration registration) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            return new Registering(registration).run();
        } finally {
            write.unlock();
        }
    }

    /** UNREGISTER_BROKER: the broker at {@code brokerAddr} leaves {@code brokerName}'s group. */
    public void unregister(String clusterName, String brokerAddr, String brokerName) {
        writeLocked(() -> drop(new BrokerKey(clusterName, brokerAddr), brokerName, DropReason.UNREGISTERED));
    }

    /** Drops every broker silent past its timeout; returns how many. */
    public int expire() {
        long now = clock.millis();
        return writeLocked(() -> {
            List<BrokerKey> expired = brokers.expiredAt(now);
            expired.forEach(key -> drop(key, null, DropReason.EXPIRED));
            return expired.size();
        });
    }

    /** Drops at once every broker that registered on {@code channel}; returns how many. */
    public int dropChannel(RemoteChannel channel, DropReason reason) {
        List<BrokerKey> keys = readLocked(() -> brokers.registeredOn(channel));
        if (keys.isEmpty()) {
            return 0;
        }
        return writeLocked(() -> {
            List<BrokerKey> current = brokers.registeredOn(channel);
            current.forEach(key -> drop(key, null, reason));
            return current.size();
        });
    }

    /** BROKER_HEARTBEAT: refreshes a live broker's timestamp; false when it is not registered. */
    public boolean heartbeat(String clusterName, String brokerAddr) {
        long now = clock.millis();
        return writeLocked(() -> refresh(new BrokerKey(clusterName, brokerAddr), now));
    }

    /**
     * QUERY_DATA_VERSION: whether {@code version} differs from the one on record (an unchanged broker
     * counts as having heartbeat), and the version on record (null when unknown).
     */
    public DataVersionCheck checkDataVersion(String clusterName, String brokerAddr, DataVersion version) {
        long now = clock.millis();
        BrokerKey key = new BrokerKey(clusterName, brokerAddr);
        return writeLocked(() -> {
            LiveBroker broker = brokers.live(key);
            boolean changed = broker == null || !Objects.equals(broker.dataVersion(), version);
            if (!changed) {
                refresh(key, now);
            }
            return new DataVersionCheck(changed, broker == null ? null : broker.dataVersion());
        });
    }

    /** The route of {@code topic}, or null when no live broker group serves it. */
    public TopicRouteData route(String topic) {
        return readLocked(() -> {
            Map<String, QueueData> queues = topics.queues(topic);
            if (queues == null || queues.isEmpty()) {
                return null;
            }
            List<BrokerData> brokerDatas = new ArrayList<>(queues.size());
            for (String brokerName : queues.keySet()) {
                BrokerGroup group = brokers.group(brokerName);
                if (group != null) {
                    brokerDatas.add(group.snapshot());
                }
            }
            return brokerDatas.isEmpty() ? null : new TopicRouteData(new ArrayList<>(queues.values()), brokerDatas);
        });
    }

    public ClusterInfo clusterInfo() {
        return readLocked(() -> new ClusterInfo(brokers.snapshots(), brokers.clusters()));
    }

    public TopicList allTopics() {
        return readLocked(() -> new TopicList(topics.names()));
    }

    /** Topics served by any broker group of {@code cluster}; empty for an unknown cluster. */
    public TopicList topicsOfCluster(String cluster) {
        return readLocked(() -> new TopicList(topics.servedBy(brokers.brokerNames(cluster))));
    }

    /** Cluster and broker names (each is also a system topic) plus one broker address to ask. */
    public TopicList systemTopics() {
        return readLocked(() -> {
            Set<String> names = new HashSet<>();
            brokers.clusters().forEach((cluster, brokerNames) -> {
                names.add(cluster);
                names.addAll(brokerNames);
            });
            return new TopicList(names, brokers.anyAddr());
        });
    }

    /** Topics whose {@code topicSysFlag} matches (unit-topic lists). */
    public TopicList topicsWithSysFlag(IntPredicate predicate) {
        return readLocked(() -> new TopicList(topics.withSysFlag(predicate)));
    }

    /** DELETE_TOPIC_IN_NAMESRV: drops the topic everywhere, or only from {@code cluster}'s brokers. */
    public void deleteTopic(String topic, String cluster) {
        writeLocked(() -> {
            topics.remove(topic, cluster == null ? null : Set.copyOf(brokers.brokerNames(cluster)));
            return null;
        });
    }

    /**
     * REGISTER_TOPIC_IN_NAMESRV: adds queue data for known broker groups.
     *
     * @return false (and nothing changed) when some queue data names an unknown broker group
     */
    public boolean registerTopic(String topic, List<QueueData> queueDatas) {
        return writeLocked(() -> {
            if (queueDatas.stream().anyMatch(q -> brokers.group(q.brokerName()) == null)) {
                return false;
            }
            queueDatas.forEach(q -> topics.put(topic, q));
            return true;
        });
    }

    /** WIPE_WRITE_PERM_OF_BROKER: clears the write bit of all the group's topics; returns the count. */
    public int wipeWritePerm(String brokerName) {
        return updatePerm(brokerName, PermName::withoutWrite);
    }

    /** ADD_WRITE_PERM_OF_BROKER: sets all the group's topics to read+write; returns the count. */
    public int addWritePerm(String brokerName) {
        return updatePerm(brokerName, perm -> PermName.PERM_READ | PermName.PERM_WRITE);
    }

    /** The group's id → address map (empty when unknown). */
    public Map<Long, String> memberAddrs(String brokerName) {
        return readLocked(() -> {
            BrokerGroup group = brokers.group(brokerName);
            return group == null ? Map.of() : group.addrs();
        });
    }

    /** Addresses of the live brokers, for tests and diagnostics. */
    public List<BrokerKey> liveBrokers() {
        return readLocked(brokers::liveKeys);
    }

    private int updatePerm(String brokerName, IntUnaryOperator change) {
        return writeLocked(() -> topics.updatePerm(brokerName, change));
    }

    private boolean refresh(BrokerKey key, long now) {
        LiveBroker broker = brokers.live(key);
        if (broker == null) {
            return false;
        }
        brokers.putLive(key, broker.refreshed(now));
        return true;
    }

    /** Removes a broker and whatever empties with it; {@code brokerName} null = look it up. */
    private Void drop(BrokerKey key, String brokerName, DropReason reason) {
        LiveBroker broker = brokers.removeLive(key);
        BrokerGroup group = brokerName != null
                ? brokers.group(brokerName)
                : brokers.groupServing(key.clusterName(), key.brokerAddr());
        boolean removedAddr = group != null && group.removeAddr(key.brokerAddr());
        if (broker != null || removedAddr) {
            LOG.info(
                    "broker dropped: {} {} ({}), {}",
                    key.clusterName(),
                    key.brokerAddr(),
                    group == null ? "?" : group.brokerName(),
                    reason.text());
        }
        if (group != null && group.isEmpty()) {
            brokers.removeGroup(group);
            List<String> vanished = topics.removeBroker(group.brokerName());
            LOG.info(
                    "broker group {} of cluster {} is gone; {} topic(s) lost their last broker",
                    group.brokerName(),
                    group.cluster(),
                    vanished.size());
        }
        return null;
    }

    private <T> T readLocked(Supplier<T> read) {
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
            return read.get();
        } finally {
            readLock.unlock();
        }
    }

    private <T> T writeLocked(Supplier<T> write) {
        Lock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            return write.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** QUERY_DATA_VERSION's answer. Immutable. */
    public record DataVersionCheck(boolean changed, DataVersion onRecord) {}

    /** One registration, run under the write lock; split up so each step stays small. */
    private final class Registering {
        private final BrokerRegistration reg;
        private final BrokerKey key;

        Registering(BrokerRegistration reg) {
            this.reg = reg;
            this.key = reg.key();
        }

        RegisterResult run() {
            BrokerGroup existing = brokers.group(reg.brokerName());
            if ((existing == null || !existing.hasId(reg.brokerId()))
                    && reg.topics().size() == 1) {
                LOG.warn(
                        "rejected registration of {} {} id {}: its first registration must carry its whole"
                                + " topic table, not one topic",
                        reg.brokerName(),
                        reg.brokerAddr(),
                        reg.brokerId());
                return RegisterResult.REJECTED;
            }
            if (existing != null && isStale(existing)) {
                brokers.removeLive(key);
                return RegisterResult.ACCEPTED;
            }
            BrokerGroup group = brokers.createGroup(reg.clusterName(), reg.brokerName());
            group.flags(Boolean.TRUE.equals(reg.enableActingMaster()), reg.zoneName());
            String previousAddr = group.put(reg.brokerId(), reg.brokerAddr());
            boolean registerFirst = existing == null || previousAddr == null;
            updateTopics(group, registerFirst);
            recordLive();
            return slaveResult(group);
        }

        /** Another address holds this id with a newer state version: the caller is an old master. */
        private boolean isStale(BrokerGroup group) {
            String oldAddr = group.addr(reg.brokerId());
            if (oldAddr == null || oldAddr.equals(reg.brokerAddr()) || reg.dataVersion() == null) {
                return false;
            }
            LiveBroker holder = brokers.live(new BrokerKey(reg.clusterName(), oldAddr));
            boolean stale = holder != null
                    && holder.dataVersion() != null
                    && holder.dataVersion().stateVersion() > reg.dataVersion().stateVersion();
            if (stale) {
                LOG.warn(
                        "ignored registration of {} {} id {}: {} holds that id with a newer state version",
                        reg.brokerName(),
                        reg.brokerAddr(),
                        reg.brokerId(),
                        oldAddr);
            }
            return stale;
        }

        private void updateTopics(BrokerGroup group, boolean registerFirst) {
            boolean primeSlave = reg.enableActingMaster() != null && !reg.isMaster() && group.minId() == reg.brokerId();
            if (!reg.isMaster() && !primeSlave) {
                return;
            }
            LiveBroker previous = brokers.live(key);
            boolean versionChanged = previous == null || !Objects.equals(previous.dataVersion(), reg.dataVersion());
            if (versionChanged && reg.isMaster() && deleteTopicWithBrokerRegistration.getAsBoolean()) {
                for (String topic : topics.servedBy(Set.of(reg.brokerName()))) {
                    if (!reg.topics().containsKey(topic)) {
                        topics.remove(topic, Set.of(reg.brokerName()));
                    }
                }
            }
            for (TopicConfig config : reg.topics().values()) {
                if (registerFirst || versionChanged || !topics.has(config.topicName(), reg.brokerName())) {
                    QueueData queueData = QueueData.of(reg.brokerName(), config);
                    if (primeSlave && group.enableActingMaster()) {
                        queueData = queueData.withPerm(PermName.withoutWrite(queueData.perm()));
                    }
                    topics.put(config.topicName(), queueData);
                }
            }
        }

        private void recordLive() {
            RemoteChannel channel = reg.channel();
            DataVersion version = reg.dataVersion() != null ? reg.dataVersion() : DataVersion.initial(clock);
            LiveBroker broker = new LiveBroker(
                    clock.millis(),
                    reg.timeoutMs(),
                    channel,
                    channel == null ? null : channel.remoteAddress(),
                    version,
                    reg.haServerAddr());
            if (brokers.putLive(key, broker) == null) {
                LOG.info(
                        "broker registered: {} {} {} id {} ({} topics, timeout {} ms)",
                        reg.clusterName(),
                        reg.brokerName(),
                        reg.brokerAddr(),
                        reg.brokerId(),
                        reg.topics().size(),
                        reg.timeoutMs());
            }
        }

        private RegisterResult slaveResult(BrokerGroup group) {
            if (reg.isMaster()) {
                return RegisterResult.ACCEPTED;
            }
            String masterAddr = group.addr(BrokerRegistration.MASTER_ID);
            LiveBroker master = masterAddr == null ? null : brokers.live(new BrokerKey(reg.clusterName(), masterAddr));
            return master == null
                    ? RegisterResult.ACCEPTED
                    : new RegisterResult(true, masterAddr, master.haServerAddr());
        }
    }
}
