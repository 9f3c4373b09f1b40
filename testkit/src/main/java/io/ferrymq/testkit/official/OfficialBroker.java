package io.ferrymq.testkit.official;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Apache RocketMQ broker ({@code BrokerStartup}) in a child JVM, on its own classpath
 * (written by the build into {@code target/official-broker.classpath}: the broker and its own
 * dependencies, untouched by FerryMQ's dependency management). Loopback only, small store. A module
 * using it declares the {@code maven-antrun-plugin} (configured in the root pom) and runs its tests
 * with failsafe, which passes the classpath file and the JVM flags as system properties.
 *
 * <p>Not thread-safe: one test drives one broker.
 */
public final class OfficialBroker implements AutoCloseable {
    private static final Pattern BOOTED = Pattern.compile("The broker\\[([^,]+), ([0-9.]+:\\d+)\\] boot success");

    private final Process process;
    private final String address;
    private final Path workDir;

    private OfficialBroker(Process process, String address, Path workDir) {
        this.process = process;
        this.address = address;
        this.workDir = workDir;
    }

    /**
     * What a test asks the nameserver (through whichever client it trusts) while waiting for a broker
     * to register.
     */
    public interface RegistrationProbe {
        /** Does the nameserver route {@code topic} to {@code brokerAddr}? */
        boolean routeHasBroker(String topic, String brokerAddr) throws Exception;

        /** Asks the broker to register again now. */
        void nudgeRegistration(String brokerAddr) throws Exception;
    }

    /** Starts a master of {@code clusterName} registering with {@code namesrvAddr}; returns once booted. */
    public static OfficialBroker start(String clusterName, String brokerName, String namesrvAddr, Path workDir)
            throws IOException, InterruptedException {
        IOException last = null;
        // the HA port is chosen before the broker binds it: try again if someone took it meanwhile
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(clusterName, brokerName, namesrvAddr, workDir.resolve("attempt-" + attempt));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static OfficialBroker startOnce(String clusterName, String brokerName, String namesrvAddr, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path confFile = dir.resolve("broker.conf");
        writeConfig(confFile, config(clusterName, brokerName, dir));
        Process process = new ProcessBuilder(command(confFile, namesrvAddr, dir))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Matcher> booted = new CompletableFuture<>();
        Path out = dir.resolve("broker.out");
        Thread pump = new Thread(() -> pump(process, out, booted), "official-broker-stdout");
        pump.setDaemon(true);
        pump.start();
        try {
            Matcher boot = booted.get(60, TimeUnit.SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new OfficialBroker(process, boot.group(2), dir);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("official broker did not boot; its output:\n" + tail(out), e);
        }
    }

    private static Map<String, String> config(String clusterName, String brokerName, Path dir) throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("brokerClusterName", clusterName);
        conf.put("brokerName", brokerName);
        conf.put("brokerId", "0");
        conf.put("brokerRole", "ASYNC_MASTER");
        conf.put("flushDiskType", "ASYNC_FLUSH");
        conf.put("rocketmqHome", dir.toString());
        conf.put("brokerIP1", "127.0.0.1");
        conf.put("brokerIP2", "127.0.0.1");
        conf.put("bindAddress", "127.0.0.1");
        conf.put("listenPort", "0");
        // left unset, the HA port would be listenPort + 1 = 1
        conf.put("haListenPort", Integer.toString(freePort()));
        conf.put("autoCreateTopicEnable", "true");
        conf.put("autoCreateSubscriptionGroup", "true");
        conf.put("storePathRootDir", dir.resolve("store").toString());
        conf.put("storePathCommitLog", dir.resolve("store/commitlog").toString());
        conf.put("mappedFileSizeCommitLog", Integer.toString(16 * 1024 * 1024));
        conf.put("mappedFileSizeConsumeQueue", Integer.toString(30_000 * 20));
        conf.put("mappedFileSizeTimerLog", Integer.toString(4 * 1024 * 1024));
        conf.put("maxHashSlotNum", "10000");
        conf.put("maxIndexNum", "40000");
        return conf;
    }

    private static void writeConfig(Path file, Map<String, String> conf) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, String> entry : conf.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
    }

    private static List<String> command(Path confFile, String namesrvAddr, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC"));
        for (String flag : System.getProperty("rocketmq.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-Duser.home=" + dir); // its logs go under ${user.home}/logs
        // RocksDB copies its native library to a temp file it deletes only on a clean exit: keep that in dir
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dtls.server.mode=disabled"); // saves a second of start-up
        command.addAll(List.of("-cp", classpath(), "org.apache.rocketmq.broker.BrokerStartup"));
        command.addAll(List.of("-c", confFile.toString(), "-n", namesrvAddr));
        return command;
    }

    private static void pump(Process process, Path out, CompletableFuture<Matcher> booted) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(out)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                writer.write(line + "\n");
                writer.flush();
                Matcher boot = BOOTED.matcher(line);
                if (boot.find()) {
                    booted.complete(boot);
                }
            }
        } catch (IOException ignore) {
            // the process is gone; the future below says so
        } finally {
            booted.completeExceptionally(new IllegalStateException("the broker process ended"));
        }
    }

    private static String classpath() throws IOException {
        Path file = Path.of(System.getProperty("official.broker.classpath.file", "target/official-broker.classpath"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the build writes it (mvn generate-test-resources)");
        }
        return Files.readString(file).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path out) {
        try {
            List<String> lines = Files.readAllLines(out);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** {@code 127.0.0.1:port}, as the broker registers itself. */
    public String address() {
        return address;
    }

    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the nameserver routes TBW102 to this broker. The broker may skip its first
     * registration when its nameserver connection is not up yet, and retries only 10 s later;
     * UPDATE_BROKER_CONFIG with an unchanged value makes it register at once, as an operator's
     * {@code mqadmin updateBrokerConfig} would.
     */
    public void awaitRegistered(RegistrationProbe probe, Duration timeout) {
        long[] nextNudgeAt = {System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500)};
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker died; see " + workDir);
            }
            if (probe.routeHasBroker("TBW102", address)) {
                return true;
            }
            if (System.nanoTime() > nextNudgeAt[0]) {
                probe.nudgeRegistration(address);
                nextNudgeAt[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            }
            return false;
        });
    }

    /** SIGTERM: the broker's shutdown hook unregisters from every nameserver, then stops slowly. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no goodbye; the nameserver learns it from the closed connection. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
