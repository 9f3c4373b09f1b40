package io.ferrymq.standalone;

import io.ferrymq.broker.BrokerMain;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/standalone}: a nameserver and a broker in one JVM, in the foreground until SIGTERM/Ctrl-C
 * (then both stop gracefully). Data and logs under one folder it prints. Exit codes: 0 after a clean
 * stop, 1 when start-up fails, 2 for bad arguments.
 */
@Command(
        name = "standalone",
        mixinStandardHelpOptions = true,
        description = "Runs a FerryMQ nameserver and broker in one JVM (RocketMQ protocol) in the foreground.")
public final class StandaloneMain implements Callable<Integer> {
    @Option(
            names = {"-d", "--data-dir"},
            paramLabel = "DIR",
            description = "Folder for the store and the logs (default: ./data/ferrymq)")
    private Path dataDir = Paths.get("data", "ferrymq");

    @Option(names = "--namesrv-port", paramLabel = "PORT", description = "Nameserver port on 127.0.0.1 (default: 9876)")
    private int nameServerPort = 9876;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "Broker port on 127.0.0.1 (default: 10911)")
    private int brokerPort = 10911;

    public static void main(String[] args) {
        io.ferrymq.remoting.ProcessDefaults.apply();
        System.exit(new CommandLine(new StandaloneMain()).execute(args));
    }

    @Override
    public Integer call() {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (System.getProperty("logback.configurationFile") == null) {
            // the broker and nameserver jars carry their own logback.xml; this one names its own
            System.setProperty("logback.configurationFile", "logback-standalone.xml");
        }
        if (System.getProperty("ferrymq.log.dir") == null) {
            System.setProperty("ferrymq.log.dir", dir.resolve("logs").toString());
        }
        Path logFile = BrokerMain.logFile("standalone.log");
        Standalone standalone;
        try {
            standalone = Standalone.start(dir, nameServerPort, brokerPort);
        } catch (Exception e) {
            System.err.println("standalone: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            standalone.close();
                            stopped.countDown();
                        },
                        "standalone-shutdown"));
        String line = "FerryMQ standalone: nameserver " + standalone.nameServerAddress() + ", broker "
                + standalone.broker().advertisedAddress() + ", data " + dir + ", log " + logFile
                + "  (clients: namesrvAddr=" + standalone.nameServerAddress() + ")";
        LoggerFactory.getLogger(StandaloneMain.class).info(line);
        System.out.println(line);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            standalone.close();
        }
        return 0;
    }
}
