package io.ferrymq.remoting;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's training run for a server's class-data archive: {@code mvn package} runs it under {@code
 * -XX:ArchiveClassesAtExit}, and the launchers start the server with the archive it leaves ({@code
 * bin/server-jvm.sh}), so the classes a server loads to start come pre-parsed from one mapped file
 * instead of being read and inflated from jars: less start-up time and garbage, less resident memory.
 *
 * <p>{@code ClassDataTraining <workDir> <mainClass> [key=value ...] -- [main args ...]}: writes the
 * {@code key=value} pairs to {@code <workDir>/training.conf}, starts {@code mainClass} with the main
 * args in this JVM, waits until it accepts connections on {@code {port}}, lets it idle a moment, then
 * exits through {@code System.exit} (so the server shuts down as on SIGTERM, and the JVM writes the
 * archive). In the pairs and the args, {@code {port}} and {@code {port2}} are free loopback ports,
 * {@code {dir}} is the work directory and {@code {conf}} the written file.
 */
public final class ClassDataTraining {
    private static final long START_TIMEOUT_MS = 120_000;
    private static final long IDLE_MS = 2_000;

    private ClassDataTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "usage: ClassDataTraining <workDir> <mainClass> [key=value ...] -- [main args ...]");
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        deleteRecursively(dir); // a previous build's store and logs
        Files.createDirectories(dir);
        Path conf = dir.resolve("training.conf");
        int port = freePort();
        int port2 = freePort();
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        int split = rest.indexOf("--");
        List<String> pairs = split < 0 ? rest : rest.subList(0, split);
        List<String> mainArgs = new ArrayList<>();
        for (String arg : split < 0 ? List.<String>of() : rest.subList(split + 1, rest.size())) {
            mainArgs.add(substitute(arg, dir, conf, port, port2));
        }
        try (Writer writer = Files.newBufferedWriter(conf, StandardCharsets.UTF_8)) {
            for (String pair : pairs) {
                writer.write(substitute(pair, dir, conf, port, port2) + "\n");
            }
        }
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        Thread server = new Thread(
                () -> {
                    try {
                        main.invoke(null, (Object) mainArgs.toArray(new String[0]));
                    } catch (ReflectiveOperationException e) {
                        e.printStackTrace();
                        System.exit(2);
                    }
                },
                "training-main");
        server.setDaemon(true);
        server.start();
        if (!awaitListening(port)) {
            System.err.println("ClassDataTraining: " + args[1] + " did not listen on port " + port);
            System.exit(1);
        }
        Thread.sleep(IDLE_MS);
        System.exit(0);
    }

    private static String substitute(String text, Path dir, Path conf, int port, int port2) {
        return text.replace("{port2}", Integer.toString(port2))
                .replace("{port}", Integer.toString(port))
                .replace("{conf}", conf.toString())
                .replace("{dir}", dir.toString());
    }

    private static boolean awaitListening(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
