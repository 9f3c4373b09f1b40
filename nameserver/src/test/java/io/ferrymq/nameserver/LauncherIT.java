package io.ferrymq.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mqnamesrv} as a user runs it after the build: it serves, and it starts from the class-data
 * archive the build trained ({@code target/nameserver.jsa}): its own main class comes from the archive,
 * not from the jar (a stale or missing archive would silently load from the jar).
 */
class LauncherIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String MAIN_CLASS = NameServerMain.class.getName() + " ";

    @TempDir
    Path dir;

    @Test
    void theLauncherServesFromTheBuildsClassDataArchive() throws Exception {
        assertThat(HOME.resolve("nameserver/target/nameserver.jsa"))
                .as("mvn package trains the archive (unless -Dferrymq.cds.skip=true)")
                .exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path conf =
                Files.writeString(dir.resolve("namesrv.conf"), "listenPort=" + port + "\nlistenAddress=127.0.0.1\n");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(HOME.resolve("bin/mqnamesrv").toString(), "-c", conf.toString()))
                .redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx64m -Xlog:class+load=info");
        builder.environment().put("FERRYMQ_LOG_DIR", dir.toString());
        Process process = builder.start();
        try {
            AtomicReference<String> mainLoad = new AtomicReference<>();
            Thread drain = new Thread(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.contains(MAIN_CLASS)) {
                            mainLoad.compareAndSet(null, line);
                        }
                    }
                } catch (IOException closedAtExit) {
                    // the pipe closes under the reader when the process ends
                }
            });
            drain.start();
            try (RemotingClient client = new RemotingClient(ClientConfig.defaults())) {
                RemotingCommand route = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC)
                        .putExtField("topic", "NoSuchTopic");
                RemotingCommand response = await("the nameserver answers")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .ignoreExceptions()
                        .until(() -> client.invokeSync("127.0.0.1:" + port, route, 3000), Objects::nonNull);
                assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
            }
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            drain.join(10_000);
            assertThat(mainLoad.get()).contains("source: shared objects file");
        } finally {
            process.destroyForcibly();
        }
    }
}
