package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.protocol.RemotingCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many calls in flight on one connection each get their own response. */
@Timeout(60)
class ConcurrentCallsTest {
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 625;

    @Test
    void tenThousandAsyncCallsFromSixteenThreadsCorrelate() throws Exception {
        ExecutorService handlers = Executors.newFixedThreadPool(8);
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try (RemotingServer server = new RemotingServer(TestEndpoints.serverConfig());
                RemotingClient client = new RemotingClient(TestEndpoints.clientConfig())) {
            server.registerHandler(ECHO, TestEndpoints.echo(), handlers);
            server.start();
            String addr = TestEndpoints.addr(server);

            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(callers.submit(() -> callAndCheck(client, addr, thread)));
            }

            int matched = 0;
            for (Future<Integer> result : results) {
                matched += result.get(50, TimeUnit.SECONDS);
            }
            assertThat(matched).isEqualTo(THREADS * CALLS_PER_THREAD);
        } finally {
            callers.shutdownNow();
            handlers.shutdownNow();
        }
    }

    private static int callAndCheck(RemotingClient client, String addr, int thread) throws Exception {
        List<CompletableFuture<RemotingCommand>> calls = new ArrayList<>(CALLS_PER_THREAD);
        List<String> values = new ArrayList<>(CALLS_PER_THREAD);
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            String value = thread + "-" + i;
            values.add(value);
            calls.add(client.invokeAsync(addr, echoRequest(value), 20_000));
        }
        int matched = 0;
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
            RemotingCommand response = calls.get(i).get(30, TimeUnit.SECONDS);
            assertThat(response.extField("value")).isEqualTo(values.get(i));
            matched++;
        }
        return matched;
    }
}
