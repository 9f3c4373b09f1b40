package io.ferrymq.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/mqbroker}: runs one broker in the foreground until SIGTERM/Ctrl-C (then shuts down
 * gracefully), logging to {@code broker.log} under {@code -Dferrymq.log.dir} (default {@code
 * ~/ferrymq/logs}). Exit codes: 0 after a clean stop or {@code --print-config}, 1 for a bad config or
 * a failed start, 2 for bad arguments.
 */
@Command(
        name = "mqbroker",
        mixinStandardHelpOptions = true,
        description = "Runs a FerryMQ broker (RocketMQ remoting protocol) in the foreground.")
public final class BrokerMain implements Callable<Integer> {
    static final String LOG_DIR_PROPERTY = "ferrymq.log.dir";

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Java properties file with RocketMQ key names (see conf/broker.conf)")
    private Path configFile;

    @Option(
            names = {"-n", "--namesrvAddr"},
            paramLabel = "ADDR",
            description = "Nameserver address(es), host:port separated by ';' (overrides the file and NAMESRV_ADDR)")
    private String namesrvAddr;

    @Option(
            names = {"-p", "--print-config"},
            description = "Print the effective configuration and exit")
    private boolean printConfig;

    public static void main(String[] args) {
        io.ferrymq.remoting.ProcessDefaults.apply();
        System.exit(new CommandLine(new BrokerMain()).execute(args));
    }

    @Override
    public Integer call() {
        BrokerConfig config;
        try {
            config = loadConfig();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("mqbroker: " + e.getMessage());
            return 1;
        }
        if (printConfig) {
            System.out.print(config.toText());
            return 0;
        }
        return run(config);
    }

    BrokerConfig loadConfig() throws IOException {
        Properties properties = new Properties();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IOException("config file not found: " + configFile);
            }
            try (InputStream in = Files.newInputStream(configFile)) {
                properties.load(in);
            }
        }
        if (namesrvAddr != null) {
            properties.setProperty("namesrvAddr", namesrvAddr);
        }
        try {
            return BrokerConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            String source = configFile == null ? "defaults" : configFile.toString();
            throw new IllegalArgumentException(e.getMessage() + " (in " + source + ")", e);
        }
    }

    private static int run(BrokerConfig config) {
        Path logFile = logFile("broker.log");
        Broker broker;
        try {
            broker = Broker.start(config);
        } catch (IOException | RuntimeException e) {
            System.err.println("mqbroker: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        String line = "FerryMQ broker " + config.brokerName() + " (" + config.brokerClusterName() + ") listening on "
                + config.bindAddress() + ":" + broker.port() + ", advertised as " + broker.advertisedAddress()
                + ", store " + config.storePathRootDir().toAbsolutePath() + ", log " + logFile;
        LoggerFactory.getLogger(BrokerMain.class).info(line);
        System.out.println(line);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
        }
        return 0;
    }

    /** Fixes the log folder before the logging system starts, and names the file written there. */
    public static Path logFile(String fileName) {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = Paths.get(System.getProperty("user.home"), "ferrymq", "logs").toString();
            System.setProperty(LOG_DIR_PROPERTY, dir);
        }
        return Paths.get(dir, fileName).toAbsolutePath();
    }

    /** For tests: runs the command line without exiting, writing to the given streams. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new BrokerMain()).setOut(out).setErr(err).execute(args);
    }
}
