package io.ferrymq.broker;

import java.util.regex.Pattern;

/** The range and shape checks of a {@link BrokerConfig}, each failure naming its key. Stateless. */
final class ConfigChecks {
    private static final Pattern DELETE_WHEN = Pattern.compile("([01]?\\d|2[0-3])(;([01]?\\d|2[0-3]))*");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:]+(:[^\\s:]+)*:\\d{1,5}");

    private ConfigChecks() {}

    static void check(BrokerConfig c) {
        role(c.brokerRole());
        require(c.brokerId() == 0, "brokerId", c.brokerId(), "0: only masters are supported yet");
        notBlank("brokerClusterName", c.brokerClusterName());
        notBlank("brokerName", c.brokerName());
        notBlank("bindAddress", c.bindAddress());
        notBlank("brokerIP1", c.brokerIP1());
        notBlank("regionId", c.regionId());
        for (String addr : c.namesrvAddr()) {
            if (!HOST_PORT.matcher(addr).matches()) {
                throw ConfigReader.bad("namesrvAddr", addr, "host:port entries separated by ';'");
            }
        }
        require(c.listenPort() >= 0 && c.listenPort() <= 65534, "listenPort", c.listenPort(), "0..65534");
        require(c.mappedFileSizeCommitLog() >= 4096, "mappedFileSizeCommitLog", c.mappedFileSizeCommitLog(), ">= 4096");
        require(
                c.mappedFileSizeConsumeQueue() >= 20 && c.mappedFileSizeConsumeQueue() % 20 == 0,
                "mappedFileSizeConsumeQueue",
                c.mappedFileSizeConsumeQueue(),
                "a positive multiple of 20");
        positive("maxHashSlotNum", c.maxHashSlotNum());
        positive("maxIndexNum", c.maxIndexNum());
        long indexFileBytes = 64 + 4L * c.maxHashSlotNum() + 32L * c.maxIndexNum();
        require(
                indexFileBytes <= Integer.MAX_VALUE,
                "maxIndexNum",
                c.maxIndexNum(),
                "small enough that a key-index file (64 + 4 x maxHashSlotNum + 32 x maxIndexNum bytes) fits in 2 GiB");
        positive("flushIntervalCommitLog", c.flushIntervalCommitLog());
        positive("flushIntervalConsumeQueue", c.flushIntervalConsumeQueue());
        positive("syncFlushTimeout", c.syncFlushTimeout());
        positive("fileReservedTime", c.fileReservedTime());
        if (!DELETE_WHEN.matcher(c.deleteWhen()).matches()) {
            throw ConfigReader.bad("deleteWhen", c.deleteWhen(), "hours 0..23 separated by ';', e.g. 04 or 04;16");
        }
        require(
                c.diskMaxUsedSpaceRatio() >= 10 && c.diskMaxUsedSpaceRatio() <= 95,
                "diskMaxUsedSpaceRatio",
                c.diskMaxUsedSpaceRatio(),
                "10..95");
        require(
                c.defaultTopicQueueNums() >= 1 && c.defaultTopicQueueNums() <= 1024,
                "defaultTopicQueueNums",
                c.defaultTopicQueueNums(),
                "1..1024");
        require(
                c.maxMessageSize() >= 1 && c.maxMessageSize() <= 15 * 1024 * 1024,
                "maxMessageSize",
                c.maxMessageSize(),
                "1..15728640 (a frame is at most 16 MiB)");
        positive("registerBrokerTimeoutMills", c.registerBrokerTimeoutMills());
        require(
                c.brokerPermission() >= 0 && c.brokerPermission() <= 7,
                "brokerPermission",
                c.brokerPermission(),
                "0..7");
        threads(c);
        timers(c);
        positive("transactionTimeOut", c.transactionTimeOut());
        positive("transactionCheckMax", c.transactionCheckMax());
        positive("transactionCheckInterval", c.transactionCheckInterval());
        positive("flushConsumerOffsetInterval", c.flushConsumerOffsetInterval());
        try {
            c.transactionConfig();
        } catch (IllegalArgumentException e) {
            throw ConfigReader.bad("transactionTimeOut", c.transactionTimeOut(), e.getMessage());
        }
        require(
                c.accessMessageInMemoryMaxRatio() >= 0 && c.accessMessageInMemoryMaxRatio() <= 100,
                "accessMessageInMemoryMaxRatio",
                c.accessMessageInMemoryMaxRatio(),
                "0..100");
        require(
                c.shortPollingTimeMills() >= 0 && c.shortPollingTimeMills() <= 20_000,
                "shortPollingTimeMills",
                c.shortPollingTimeMills(),
                "0..20000");
    }

    private static void threads(BrokerConfig c) {
        positive("sendMessageThreadPoolNums", c.sendMessageThreadPoolNums());
        positive("pullMessageThreadPoolNums", c.pullMessageThreadPoolNums());
        positive("queryMessageThreadPoolNums", c.queryMessageThreadPoolNums());
        positive("adminBrokerThreadPoolNums", c.adminBrokerThreadPoolNums());
        positive("clientManageThreadPoolNums", c.clientManageThreadPoolNums());
        positive("consumerManageThreadPoolNums", c.consumerManageThreadPoolNums());
    }

    private static void role(String role) {
        if (role.equals("SYNC_MASTER") || role.equals("SLAVE")) {
            throw new IllegalArgumentException("brokerRole=" + role
                    + " is not supported yet: replication comes later; use brokerRole=ASYNC_MASTER");
        }
        if (!role.equals(BrokerConfig.ASYNC_MASTER)) {
            throw ConfigReader.bad("brokerRole", role, "ASYNC_MASTER (SYNC_MASTER and SLAVE are not supported yet)");
        }
    }

    private static void notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigReader.bad(key, value, "a non-empty value");
        }
    }

    private static void positive(String key, long value) {
        require(value >= 1, key, value, "at least 1");
    }

    private static void require(boolean ok, String key, long value, String expected) {
        if (!ok) {
            throw ConfigReader.bad(key, value, expected);
        }
    }

    private static void timers(BrokerConfig c) {
        positive("timerMaxDelaySec", c.timerMaxDelaySec());
        require(
                c.timerMaxDelaySec() <= Long.MAX_VALUE / 1000 / 4,
                "timerMaxDelaySec",
                c.timerMaxDelaySec(),
                "a number of seconds that fits a delivery time in ms");
        try {
            c.timerConfig();
        } catch (IllegalArgumentException e) {
            throw ConfigReader.bad("messageDelayLevel", c.messageDelayLevel(), e.getMessage());
        }
    }
}
