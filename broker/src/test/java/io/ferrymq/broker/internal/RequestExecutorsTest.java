package io.ferrymq.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestExecutorsTest {
    private static Map<ExecutorKind, Integer> oneThreadEach() {
        Map<ExecutorKind, Integer> threads = new EnumMap<>(ExecutorKind.class);
        for (ExecutorKind kind : ExecutorKind.values()) {
            if (kind != ExecutorKind.APPEND) {
                threads.put(kind, 1);
            }
        }
        return threads;
    }

    @Test
    void appendRunsOnTheCallersThreadAndPoolsOnTheirOwn() throws Exception {
        try (RequestExecutors executors = new RequestExecutors(oneThreadEach())) {
            Thread[] ran = new Thread[1];
            executors.of(ExecutorKind.APPEND).execute(() -> ran[0] = Thread.currentThread());
            assertThat(ran[0]).isSameAs(Thread.currentThread());

            CompletableFuture<String> pooled = new CompletableFuture<>();
            executors
                    .of(ExecutorKind.SEND)
                    .execute(() -> pooled.complete(Thread.currentThread().getName()));
            assertThat(pooled.get(5, TimeUnit.SECONDS)).startsWith("broker-send-");
        }
    }

    @Test
    void everyKindRejectsOnceShutdownHasBegun() throws Exception {
        try (RequestExecutors executors = new RequestExecutors(oneThreadEach())) {
            assertThat(executors.shutdownAndAwait(5_000)).isTrue();
            for (ExecutorKind kind : ExecutorKind.values()) {
                assertThatThrownBy(() -> executors.of(kind).execute(() -> {}))
                        .as(kind.name())
                        .isInstanceOf(RejectedExecutionException.class);
            }
        }
    }
}
