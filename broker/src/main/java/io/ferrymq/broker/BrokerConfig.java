package io.ferrymq.broker;

import io.ferrymq.commitlog.CommitLogConfig;
import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.scheduler.DelayLevels;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.transaction.TransactionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of one broker, read from Java properties with Apache RocketMQ's key names ({@link
 * #fromProperties}); see {@code conf/broker.conf} for each key's meaning. Unknown keys and bad values
 * are refused with a message naming them. Immutable.
 *
 * @param namesrvAddr the nameservers to register with ({@code host:port} each); may be empty
 * @param brokerIP1 the advertised address: in routes, in STOREHOST and in message ids
 * @param registerNameServerPeriod ms between registrations, clamped to 10000..60000 as RocketMQ does
 */
public record BrokerConfig(
        String brokerClusterName,
        String brokerName,
        long brokerId,
        List<String> namesrvAddr,
        int listenPort,
        String bindAddress,
        String brokerIP1,
        Path storePathRootDir,
        FlushDiskType flushDiskType,
        String brokerRole,
        int mappedFileSizeCommitLog,
        int mappedFileSizeConsumeQueue,
        int flushIntervalCommitLog,
        int flushIntervalConsumeQueue,
        int syncFlushTimeout,
        int fileReservedTime,
        String deleteWhen,
        int diskMaxUsedSpaceRatio,
        boolean warmMapedFileEnable,
        int maxHashSlotNum,
        int maxIndexNum,
        boolean autoCreateTopicEnable,
        boolean autoCreateSubscriptionGroup,
        int defaultTopicQueueNums,
        int maxMessageSize,
        int registerNameServerPeriod,
        int registerBrokerTimeoutMills,
        int brokerPermission,
        int sendMessageThreadPoolNums,
        int pullMessageThreadPoolNums,
        int queryMessageThreadPoolNums,
        int adminBrokerThreadPoolNums,
        int clientManageThreadPoolNums,
        int consumerManageThreadPoolNums,
        String regionId,
        boolean traceOn,
        boolean longPollingEnable,
        long shortPollingTimeMills,
        long flushConsumerOffsetInterval,
        int accessMessageInMemoryMaxRatio,
        String messageDelayLevel,
        long timerMaxDelaySec,
        long transactionTimeOut,
        int transactionCheckMax,
        long transactionCheckInterval) {

    /** The only role served so far. */
    public static final String ASYNC_MASTER = "ASYNC_MASTER";

    public BrokerConfig {
        namesrvAddr = List.copyOf(namesrvAddr);
        registerNameServerPeriod = Math.max(10_000, Math.min(60_000, registerNameServerPeriod));
    }

    /**
     * Reads {@code properties} over the defaults; {@code NAMESRV_ADDR} in {@code environment} is
     * used when the properties have no {@code namesrvAddr}.
     *
     * @throws IllegalArgumentException naming every unknown key, or the bad value
     */
    public static BrokerConfig fromProperties(Properties properties, Map<String, String> environment) {
        return ConfigReader.read(properties, environment);
    }

    /** {@link #fromProperties} with the process environment. */
    public static BrokerConfig fromProperties(Properties properties) {
        return fromProperties(properties, System.getenv());
    }

    /** The store's settings. */
    public StoreConfig storeConfig() {
        Path root = storePathRootDir;
        CommitLogConfig log = new CommitLogConfig(
                root.resolve("commitlog"),
                mappedFileSizeCommitLog,
                flushDiskType,
                flushIntervalCommitLog,
                syncFlushTimeout,
                fileReservedTime,
                deleteWhen,
                diskMaxUsedSpaceRatio,
                Math.max(90, diskMaxUsedSpaceRatio),
                warmMapedFileEnable);
        return new StoreConfig(
                root, log, mappedFileSizeConsumeQueue, flushIntervalConsumeQueue, maxHashSlotNum, maxIndexNum);
    }

    /** The scheduler's settings: {@code messageDelayLevel} and {@code timerMaxDelaySec} over its defaults. */
    public TimerConfig timerConfig() {
        return TimerConfig.defaults()
                .withDelayLevels(DelayLevels.parse(messageDelayLevel))
                .withMaxDelaySec(timerMaxDelaySec);
    }

    /** The transaction coordinator's settings: RocketMQ's three keys over its defaults. */
    public TransactionConfig transactionConfig() {
        return TransactionConfig.defaults()
                .withTransactionTimeOutMs(transactionTimeOut)
                .withTransactionCheckMax(transactionCheckMax)
                .withTransactionCheckIntervalMs(transactionCheckInterval);
    }

    /** Every key with its effective value, in key order, as {@code key=value} lines. */
    public String toText() {
        return ConfigReader.toText(this);
    }
}
