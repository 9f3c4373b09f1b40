package io.ferrymq.broker.compat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * FerryMQ's broker as a child JVM ({@code BrokerMain}, this test's classpath), so a test can kill it
 * with SIGKILL and start it again on the same store and port.
 */
final class BrokerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private BrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static BrokerProcess start(Path store, int port, String namesrvAddr, Map<String, String> settings)
            throws IOException {
        Files.createDirectories(store);
        Path conf = store.resolveSibling(store.getFileName() + ".conf");
        try (Writer writer = Files.newBufferedWriter(conf)) {
            writer.write("listenPort=" + port + "\nbindAddress=127.0.0.1\nbrokerIP1=127.0.0.1\n");
            writer.write("storePathRootDir=" + store + "\nmappedFileSizeCommitLog=" + (16 * 1024 * 1024) + "\n");
            for (Map.Entry<String, String> entry : settings.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Dferrymq.log.dir=" + store.resolveSibling("logs"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.ferrymq.broker.BrokerMain",
                        "-c",
                        conf.toString(),
                        "-n",
                        namesrvAddr))
                .redirectErrorStream(true)
                .redirectOutput(
                        store.resolveSibling(store.getFileName() + ".out").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new BrokerProcess(process, port);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful path (unregister, flush, checkpoint, abort file removed). */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
