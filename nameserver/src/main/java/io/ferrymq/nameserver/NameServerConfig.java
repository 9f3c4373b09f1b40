package io.ferrymq.nameserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settings of one nameserver, read from Java properties with RocketMQ's key names. Unknown keys and
 * unparseable values are refused with a message naming them. Immutable.
 *
 * @param listenAddress FerryMQ's own key: the address to bind ({@code 0.0.0.0} = all interfaces)
 * @param listenPort the port (RocketMQ default 9876); 0 picks a free one
 * @param serverWorkerThreads threads running registration, admin and KV requests
 * @param clientRequestThreadPoolNums threads answering GET_ROUTEINFO_BY_TOPIC, kept apart so
 *     client lookups are never queued behind broker registrations
 * @param serverSelectorThreads network I/O threads
 * @param serverChannelMaxIdleTimeSeconds a connection silent this long is closed (its broker dropped)
 * @param scanNotActiveBrokerInterval how often, in ms, silent brokers are looked for
 * @param orderMessageEnable answer routes with {@code orderTopicConf} from the ORDER_TOPIC_CONFIG
 *     KV namespace (changeable at runtime)
 * @param returnOrderTopicConfigToBroker answer registrations with the ORDER_TOPIC_CONFIG KV table
 *     (changeable at runtime)
 * @param deleteTopicWithBrokerRegistration a master's registration removes its topics missing from
 *     the table it sends (changeable at runtime)
 */
public record NameServerConfig(
        String listenAddress,
        int listenPort,
        int serverWorkerThreads,
        int clientRequestThreadPoolNums,
        int serverSelectorThreads,
        int serverChannelMaxIdleTimeSeconds,
        long scanNotActiveBrokerInterval,
        boolean orderMessageEnable,
        boolean returnOrderTopicConfigToBroker,
        boolean deleteTopicWithBrokerRegistration) {

    /** Keys UPDATE_NAMESRV_CONFIG may change; the others need a restart. */
    public static final Set<String> RUNTIME_KEYS =
            Set.of("orderMessageEnable", "returnOrderTopicConfigToBroker", "deleteTopicWithBrokerRegistration");

    private static final Map<String, String> DEFAULTS = defaultValues();

    public NameServerConfig {
        require(listenPort >= 0 && listenPort <= 65535, "listenPort", listenPort, "0..65535");
        require(serverWorkerThreads >= 1, "serverWorkerThreads", serverWorkerThreads, "at least 1");
        require(
                clientRequestThreadPoolNums >= 1,
                "clientRequestThreadPoolNums",
                clientRequestThreadPoolNums,
                "at least 1");
        require(serverSelectorThreads >= 1, "serverSelectorThreads", serverSelectorThreads, "at least 1");
        require(
                serverChannelMaxIdleTimeSeconds >= 0,
                "serverChannelMaxIdleTimeSeconds",
                serverChannelMaxIdleTimeSeconds,
                "0 (never) or more");
        require(
                scanNotActiveBrokerInterval >= 100,
                "scanNotActiveBrokerInterval",
                scanNotActiveBrokerInterval,
                "at least 100 (ms)");
        if (listenAddress == null || listenAddress.isBlank()) {
            throw new IllegalArgumentException("listenAddress must not be empty");
        }
    }

    /** All defaults: port 9876 on all interfaces. */
    public static NameServerConfig defaults() {
        return fromProperties(new Properties());
    }

    /** Defaults, listening on {@code 127.0.0.1} on a free port: for tests and embedding. */
    public static NameServerConfig loopbackEphemeral() {
        Properties properties = new Properties();
        properties.setProperty("listenAddress", "127.0.0.1");
        properties.setProperty("listenPort", "0");
        return fromProperties(properties);
    }

    /**
     * Reads the given keys over the defaults.
     *
     * @throws IllegalArgumentException naming every unknown key, or the first bad value
     */
    public static NameServerConfig fromProperties(Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown nameserver config key(s): " + String.join(", ", unknown)
                    + "; known keys: " + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
        }
        Function<String, String> value =
                key -> properties.getProperty(key, DEFAULTS.get(key)).trim();
        return new NameServerConfig(
                value.apply("listenAddress"),
                parseInt(value, "listenPort"),
                parseInt(value, "serverWorkerThreads"),
                parseInt(value, "clientRequestThreadPoolNums"),
                parseInt(value, "serverSelectorThreads"),
                parseInt(value, "serverChannelMaxIdleTimeSeconds"),
                parseLong(value, "scanNotActiveBrokerInterval"),
                parseBoolean(value, "orderMessageEnable"),
                parseBoolean(value, "returnOrderTopicConfigToBroker"),
                parseBoolean(value, "deleteTopicWithBrokerRegistration"));
    }

    /**
     * This config with {@code updates} applied, for UPDATE_NAMESRV_CONFIG.
     *
     * @throws IllegalArgumentException when a key is unknown, not changeable at runtime, or its value bad
     */
    public NameServerConfig withRuntimeUpdates(Properties updates) {
        List<String> refused = new ArrayList<>();
        for (String key : updates.stringPropertyNames()) {
            if (!RUNTIME_KEYS.contains(key)) {
                refused.add(key);
            }
        }
        if (!refused.isEmpty()) {
            refused.sort(null);
            throw new IllegalArgumentException("cannot change nameserver config key(s) at runtime: "
                    + String.join(", ", refused) + "; changeable: " + String.join(", ", new TreeSet<>(RUNTIME_KEYS)));
        }
        Properties merged = toProperties();
        updates.stringPropertyNames().forEach(key -> merged.setProperty(key, updates.getProperty(key)));
        return fromProperties(merged);
    }

    /** Every key with its value, as a config file would hold them. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("listenAddress", listenAddress);
        properties.setProperty("listenPort", Integer.toString(listenPort));
        properties.setProperty("serverWorkerThreads", Integer.toString(serverWorkerThreads));
        properties.setProperty("clientRequestThreadPoolNums", Integer.toString(clientRequestThreadPoolNums));
        properties.setProperty("serverSelectorThreads", Integer.toString(serverSelectorThreads));
        properties.setProperty("serverChannelMaxIdleTimeSeconds", Integer.toString(serverChannelMaxIdleTimeSeconds));
        properties.setProperty("scanNotActiveBrokerInterval", Long.toString(scanNotActiveBrokerInterval));
        properties.setProperty("orderMessageEnable", Boolean.toString(orderMessageEnable));
        properties.setProperty("returnOrderTopicConfigToBroker", Boolean.toString(returnOrderTopicConfigToBroker));
        properties.setProperty(
                "deleteTopicWithBrokerRegistration", Boolean.toString(deleteTopicWithBrokerRegistration));
        return properties;
    }

    /** {@code key=value} lines in key order, the GET_NAMESRV_CONFIG body and {@code --print-config}. */
    public String toText() {
        Properties properties = toProperties();
        StringBuilder text = new StringBuilder();
        new TreeSet<>(properties.stringPropertyNames())
                .forEach(key -> text.append(key)
                        .append('=')
                        .append(properties.getProperty(key))
                        .append('\n'));
        return text.toString();
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("listenAddress", "0.0.0.0");
        defaults.put("listenPort", "9876");
        defaults.put("serverWorkerThreads", "8");
        defaults.put("clientRequestThreadPoolNums", "8");
        defaults.put("serverSelectorThreads", "3");
        defaults.put("serverChannelMaxIdleTimeSeconds", "120");
        defaults.put("scanNotActiveBrokerInterval", "5000");
        defaults.put("orderMessageEnable", "false");
        defaults.put("returnOrderTopicConfigToBroker", "true");
        defaults.put("deleteTopicWithBrokerRegistration", "false");
        return Map.copyOf(defaults);
    }

    private static int parseInt(Function<String, String> value, String key) {
        try {
            return Integer.parseInt(value.apply(key));
        } catch (NumberFormatException e) {
            throw bad(key, value.apply(key), "an integer");
        }
    }

    private static long parseLong(Function<String, String> value, String key) {
        try {
            return Long.parseLong(value.apply(key));
        } catch (NumberFormatException e) {
            throw bad(key, value.apply(key), "an integer");
        }
    }

    private static boolean parseBoolean(Function<String, String> value, String key) {
        String text = value.apply(key);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw bad(key, text, "true or false");
    }

    private static IllegalArgumentException bad(String key, String text, String expected) {
        return new IllegalArgumentException(
                "bad value for nameserver config key " + key + ": '" + text + "' (expected " + expected + ")");
    }

    private static void require(boolean ok, String key, long value, String expected) {
        if (!ok) {
            throw bad(key, Long.toString(value), expected);
        }
    }
}
