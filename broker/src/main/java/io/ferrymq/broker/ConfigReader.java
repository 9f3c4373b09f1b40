package io.ferrymq.broker;

import io.ferrymq.commitlog.FlushDiskType;
import io.ferrymq.scheduler.DelayLevels;
import io.ferrymq.scheduler.TimerConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns broker properties into a {@link BrokerConfig}: the known keys with RocketMQ's defaults,
 * strict parsing, and the reverse ({@code --print-config}). Stateless.
 */
final class ConfigReader {
    private static final Map<String, String> DEFAULTS = defaults();
    private static final String BROKER_IP1 = "brokerIP1";

    private ConfigReader() {}

    static Set<String> knownKeys() {
        return Collections.unmodifiableSet(new TreeSet<>(DEFAULTS.keySet()));
    }

    static BrokerConfig read(Properties properties, Map<String, String> environment) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(DEFAULTS.keySet());
        unknown.remove(BROKER_IP1);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown broker config key(s): " + String.join(", ", unknown)
                    + "; known keys: " + String.join(", ", knownKeys()) + ", " + BROKER_IP1);
        }
        Values values = new Values(properties);
        String namesrv = properties.getProperty("namesrvAddr");
        if (namesrv == null && environment.get("NAMESRV_ADDR") != null) {
            namesrv = environment.get("NAMESRV_ADDR");
        }
        String ip = properties.getProperty(BROKER_IP1);
        BrokerConfig config = new BrokerConfig(
                values.text("brokerClusterName"),
                values.text("brokerName"),
                values.longValue("brokerId"),
                addresses(namesrv == null ? "" : namesrv),
                values.intValue("listenPort"),
                values.text("bindAddress"),
                ip == null || ip.isBlank() ? firstNonLoopbackIpv4() : ip.trim(),
                storePath(values.text("storePathRootDir")),
                values.flushDiskType(),
                values.text("brokerRole"),
                values.intValue("mappedFileSizeCommitLog"),
                values.intValue("mappedFileSizeConsumeQueue"),
                values.intValue("flushIntervalCommitLog"),
                values.intValue("flushIntervalConsumeQueue"),
                values.intValue("syncFlushTimeout"),
                values.intValue("fileReservedTime"),
                values.text("deleteWhen"),
                values.intValue("diskMaxUsedSpaceRatio"),
                values.bool("warmMapedFileEnable"),
                values.intValue("maxHashSlotNum"),
                values.intValue("maxIndexNum"),
                values.bool("autoCreateTopicEnable"),
                values.bool("autoCreateSubscriptionGroup"),
                values.intValue("defaultTopicQueueNums"),
                values.intValue("maxMessageSize"),
                values.intValue("registerNameServerPeriod"),
                values.intValue("registerBrokerTimeoutMills"),
                values.intValue("brokerPermission"),
                values.intValue("sendMessageThreadPoolNums"),
                values.intValue("pullMessageThreadPoolNums"),
                values.intValue("queryMessageThreadPoolNums"),
                values.intValue("adminBrokerThreadPoolNums"),
                values.intValue("clientManageThreadPoolNums"),
                values.intValue("consumerManageThreadPoolNums"),
                values.text("regionId"),
                values.bool("traceOn"),
                values.bool("longPollingEnable"),
                values.longValue("shortPollingTimeMills"),
                values.longValue("flushConsumerOffsetInterval"),
                values.intValue("accessMessageInMemoryMaxRatio"),
                values.text("messageDelayLevel"),
                values.longValue("timerMaxDelaySec"),
                values.longValue("transactionTimeOut"),
                values.intValue("transactionCheckMax"),
                values.longValue("transactionCheckInterval"));
        ConfigChecks.check(config);
        return config;
    }

    static String toText(BrokerConfig c) {
        Map<String, Object> all = new TreeMap<>();
        all.put("brokerClusterName", c.brokerClusterName());
        all.put("brokerName", c.brokerName());
        all.put("brokerId", c.brokerId());
        all.put("namesrvAddr", String.join(";", c.namesrvAddr()));
        all.put("listenPort", c.listenPort());
        all.put("bindAddress", c.bindAddress());
        all.put(BROKER_IP1, c.brokerIP1());
        all.put("storePathRootDir", c.storePathRootDir());
        all.put("flushDiskType", c.flushDiskType());
        all.put("brokerRole", c.brokerRole());
        all.put("mappedFileSizeCommitLog", c.mappedFileSizeCommitLog());
        all.put("mappedFileSizeConsumeQueue", c.mappedFileSizeConsumeQueue());
        all.put("flushIntervalCommitLog", c.flushIntervalCommitLog());
        all.put("flushIntervalConsumeQueue", c.flushIntervalConsumeQueue());
        all.put("syncFlushTimeout", c.syncFlushTimeout());
        all.put("fileReservedTime", c.fileReservedTime());
        all.put("deleteWhen", c.deleteWhen());
        all.put("diskMaxUsedSpaceRatio", c.diskMaxUsedSpaceRatio());
        all.put("warmMapedFileEnable", c.warmMapedFileEnable());
        all.put("maxHashSlotNum", c.maxHashSlotNum());
        all.put("maxIndexNum", c.maxIndexNum());
        all.put("autoCreateTopicEnable", c.autoCreateTopicEnable());
        all.put("autoCreateSubscriptionGroup", c.autoCreateSubscriptionGroup());
        all.put("defaultTopicQueueNums", c.defaultTopicQueueNums());
        all.put("maxMessageSize", c.maxMessageSize());
        all.put("registerNameServerPeriod", c.registerNameServerPeriod());
        all.put("registerBrokerTimeoutMills", c.registerBrokerTimeoutMills());
        all.put("brokerPermission", c.brokerPermission());
        all.put("sendMessageThreadPoolNums", c.sendMessageThreadPoolNums());
        all.put("pullMessageThreadPoolNums", c.pullMessageThreadPoolNums());
        all.put("queryMessageThreadPoolNums", c.queryMessageThreadPoolNums());
        all.put("adminBrokerThreadPoolNums", c.adminBrokerThreadPoolNums());
        all.put("clientManageThreadPoolNums", c.clientManageThreadPoolNums());
        all.put("consumerManageThreadPoolNums", c.consumerManageThreadPoolNums());
        all.put("regionId", c.regionId());
        all.put("traceOn", c.traceOn());
        all.put("longPollingEnable", c.longPollingEnable());
        all.put("shortPollingTimeMills", c.shortPollingTimeMills());
        all.put("flushConsumerOffsetInterval", c.flushConsumerOffsetInterval());
        all.put("accessMessageInMemoryMaxRatio", c.accessMessageInMemoryMaxRatio());
        all.put("messageDelayLevel", c.messageDelayLevel());
        all.put("timerMaxDelaySec", c.timerMaxDelaySec());
        all.put("transactionTimeOut", c.transactionTimeOut());
        all.put("transactionCheckMax", c.transactionCheckMax());
        all.put("transactionCheckInterval", c.transactionCheckInterval());
        StringBuilder text = new StringBuilder();
        all.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static List<String> addresses(String text) {
        List<String> list = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                list.add(part.trim());
            }
        }
        return list;
    }

    private static Path storePath(String text) {
        if (text.equals("~") || text.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home") + text.substring(1));
        }
        return Paths.get(text);
    }

    /** The host's first non-loopback, non-link-local IPv4 address, else 127.0.0.1 (as RocketMQ picks). */
    static String firstNonLoopbackIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address
                            && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        return "127.0.0.1";
    }

    private static Map<String, String> defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, String> d = new LinkedHashMap<>();
        d.put("brokerClusterName", "DefaultCluster");
        d.put("brokerName", "broker-a");
        d.put("brokerId", "0");
        d.put("namesrvAddr", "");
        d.put("listenPort", "10911");
        d.put("bindAddress", "0.0.0.0");
        d.put("storePathRootDir", "~/ferrymq/store");
        d.put("flushDiskType", "ASYNC_FLUSH");
        d.put("brokerRole", BrokerConfig.ASYNC_MASTER);
        d.put("mappedFileSizeCommitLog", Integer.toString(1024 * 1024 * 1024));
        d.put("mappedFileSizeConsumeQueue", Integer.toString(300_000 * 20));
        d.put("flushIntervalCommitLog", "500");
        d.put("flushIntervalConsumeQueue", "1000");
        d.put("syncFlushTimeout", "5000");
        d.put("fileReservedTime", "72");
        d.put("deleteWhen", "04");
        d.put("diskMaxUsedSpaceRatio", "75");
        d.put("warmMapedFileEnable", "false");
        d.put("maxHashSlotNum", "5000000");
        d.put("maxIndexNum", "20000000");
        d.put("autoCreateTopicEnable", "true");
        d.put("autoCreateSubscriptionGroup", "true");
        d.put("defaultTopicQueueNums", "8");
        d.put("maxMessageSize", Integer.toString(4 * 1024 * 1024));
        d.put("registerNameServerPeriod", "30000");
        d.put("registerBrokerTimeoutMills", "24000");
        d.put("brokerPermission", "6");
        d.put("sendMessageThreadPoolNums", Integer.toString(Math.min(cores, 4)));
        d.put("pullMessageThreadPoolNums", Integer.toString(16 + 2 * cores));
        d.put("queryMessageThreadPoolNums", Integer.toString(8 + cores));
        d.put("adminBrokerThreadPoolNums", "16");
        d.put("clientManageThreadPoolNums", "32");
        d.put("consumerManageThreadPoolNums", "32");
        d.put("regionId", "DefaultRegion");
        d.put("traceOn", "true");
        d.put("longPollingEnable", "true");
        d.put("shortPollingTimeMills", "1000");
        d.put("flushConsumerOffsetInterval", "5000");
        d.put("accessMessageInMemoryMaxRatio", "40");
        d.put("messageDelayLevel", DelayLevels.DEFAULT_SPEC);
        d.put("timerMaxDelaySec", Long.toString(TimerConfig.DEFAULT_MAX_DELAY_MS / 1000));
        d.put("transactionTimeOut", "6000");
        d.put("transactionCheckMax", "15");
        d.put("transactionCheckInterval", "30000");
        return Collections.unmodifiableMap(d);
    }

    /** Typed reads of one key each, over the defaults. */
    private record Values(Properties properties) {
        String text(String key) {
            return properties.getProperty(key, DEFAULTS.get(key)).trim();
        }

        int intValue(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw bad(key, text(key), "an integer");
            }
        }

        long longValue(String key) {
            try {
                return Long.parseLong(text(key));
            } catch (NumberFormatException e) {
                throw bad(key, text(key), "an integer");
            }
        }

        boolean bool(String key) {
            String text = text(key);
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw bad(key, text, "true or false");
        }

        FlushDiskType flushDiskType() {
            try {
                return FlushDiskType.valueOf(text("flushDiskType"));
            } catch (IllegalArgumentException e) {
                throw bad("flushDiskType", text("flushDiskType"), "SYNC_FLUSH or ASYNC_FLUSH");
            }
        }
    }

    static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException(
                "bad value for broker config key " + key + ": '" + value + "' (expected " + expected + ")");
    }
}
