package io.ferrymq.bench.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One server JVM the benchmark started (and so may stop), with its output in a log file. */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(
            String name, String classpath, List<String> jvmFlags, String mainClass, List<String> args, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-Duser.home=" + dir); // RocketMQ logs under ${user.home}/logs
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return launch(name, command, Map.of(), dir);
    }

    /**
     * Runs {@code command} (a launcher script that execs its JVM, so the process is the JVM) with
     * {@code environment} added to this process's.
     */
    static ServerProcess launch(String name, List<String> command, Map<String, String> environment, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ServerProcess(name, process, log);
    }

    /** Waits until something listens on 127.0.0.1:port. */
    void awaitListening(int port, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException(name + " not listening on " + port + " after " + timeoutMs + " ms; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in KiB, from /proc. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + name);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
