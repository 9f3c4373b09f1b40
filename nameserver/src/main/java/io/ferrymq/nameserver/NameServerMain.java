package io.ferrymq.nameserver;

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
 * {@code bin/mqnamesrv}: runs one nameserver in the foreground until SIGTERM/Ctrl-C, logging to
 * {@code namesrv.log} under {@code -Dferrymq.log.dir} (default {@code ~/ferrymq/logs}). Exit codes:
 * 0 after a clean stop or {@code --print-config}, 1 for a bad config or a port that cannot be bound,
 * 2 for bad arguments.
 */
@Command(
        name = "mqnamesrv",
        mixinStandardHelpOptions = true,
        description = "Runs a FerryMQ nameserver (RocketMQ remoting protocol) in the foreground.")
public final class NameServerMain implements Callable<Integer> {
    static final String LOG_DIR_PROPERTY = "ferrymq.log.dir";

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Java properties file with RocketMQ key names (see conf/namesrv.conf)")
    private Path configFile;

    @Option(
            names = {"-p", "--print-config"},
            description = "Print the effective configuration and exit")
    private boolean printConfig;

    public static void main(String[] args) {
        io.ferrymq.remoting.ProcessDefaults.apply();
        System.exit(new CommandLine(new NameServerMain()).execute(args));
    }

    @Override
    public Integer call() {
        NameServerConfig config;
        try {
            config = loadConfig();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("mqnamesrv: " + e.getMessage());
            return 1;
        }
        if (printConfig) {
            System.out.print(config.toText());
            return 0;
        }
        return run(config);
    }

    private NameServerConfig loadConfig() throws IOException {
        Properties properties = new Properties();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IOException("config file not found: " + configFile);
            }
            try (InputStream in = Files.newInputStream(configFile)) {
                properties.load(in);
            }
        }
        try {
            return NameServerConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            String source = configFile == null ? "defaults" : configFile.toString();
            throw new IllegalArgumentException(e.getMessage() + " (in " + source + ")", e);
        }
    }

    private static int run(NameServerConfig config) {
        Path logFile = logFile();
        NameServer nameServer = new NameServer(config);
        try {
            nameServer.start();
        } catch (RuntimeException e) {
            System.err.println("mqnamesrv: " + e.getMessage());
            nameServer.stop();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            nameServer.stop();
                            stopped.countDown();
                        },
                        "namesrv-shutdown"));
        System.out.println("FerryMQ nameserver listening on " + nameServer.address() + ", log: " + logFile);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nameServer.stop();
        }
        return 0;
    }

    /** Fixes the log folder before the logging system starts, and names the file it writes. */
    private static Path logFile() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = Paths.get(System.getProperty("user.home"), "ferrymq", "logs").toString();
            System.setProperty(LOG_DIR_PROPERTY, dir);
        }
        LoggerFactory.getLogger(NameServerMain.class).info("FerryMQ nameserver starting");
        return Paths.get(dir, "namesrv.log").toAbsolutePath();
    }

    /** For tests: runs the command line without exiting, writing to the given streams. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new NameServerMain()).setOut(out).setErr(err).execute(args);
    }
}
