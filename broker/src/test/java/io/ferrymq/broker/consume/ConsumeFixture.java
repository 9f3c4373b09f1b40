package io.ferrymq.broker.consume;

import static org.awaitility.Awaitility.await;

import io.ferrymq.broker.internal.consume.ConsumeSettings;
import io.ferrymq.broker.internal.consume.ConsumeSide;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.consumequeue.StoreConfig;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.route.PermName;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.ClientConfig;
import io.ferrymq.remoting.RemotingClient;
import io.ferrymq.remoting.RemotingServer;
import io.ferrymq.remoting.ServerConfig;
import io.ferrymq.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store on a temp dir, the consume side over it with a manual clock (agents stepped by hand),
 * a real remoting server on 127.0.0.1 with the handlers registered, and a client.
 */
final class ConsumeFixture implements AutoCloseable {
    final Path root;
    final ManualClock clock = ManualClock.startingAtFixedInstant();
    final InMemoryTopics topics = new InMemoryTopics();
    final ExecutorService executor = Executors.newCachedThreadPool();
    /** Pulls answered from the cold-read executor (records outside the memory window). */
    final AtomicInteger coldReads = new AtomicInteger();

    final ConsumeSettings settings;
    MessageStore store;
    ConsumeSide side;
    RemotingServer server;
    RemotingClient client;

    ConsumeFixture(Path root) throws IOException {
        this(root, ConsumeSettings.defaults("broker-a", "127.0.0.1:10911"));
    }

    ConsumeFixture(Path root, ConsumeSettings settings) throws IOException {
        this.root = root;
        this.settings = settings;
        open();
    }

    void open() throws IOException {
        StoreConfig config = StoreConfig.defaults(root)
                .withCommitLogSegmentSize(4 * 1024 * 1024)
                .withConsumeQueueEntriesPerFile(1000)
                .withFlushIntervalConsumeQueueMs(20);
        store = MessageStore.open(config, Clock.systemUTC(), dir -> 0.1);
        side = new ConsumeSide(
                settings,
                store,
                topics,
                task -> {
                    coldReads.incrementAndGet();
                    executor.execute(task);
                },
                clock);
        store.addDispatchListener(side.pullWaker());
        server = new RemotingServer(ServerConfig.of("127.0.0.1", 0));
        side.registerWith((code, handler, kind) -> server.registerHandler(code, handler, executor));
        server.addChannelListener(side.channelListener());
        server.start();
        client = newClient();
    }

    /** Closes server, consume side and store (not the topics), as a broker restart would. */
    void shutdown() throws IOException {
        client.close();
        server.close();
        side.close();
        store.close();
    }

    RemotingClient newClient() {
        return new RemotingClient(ClientConfig.defaults());
    }

    String addr() {
        return "127.0.0.1:" + server.port();
    }

    void createTopic(String topic, int queues) {
        topics.put(TopicConfig.of(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE));
    }

    RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(addr(), request, 5000);
    }

    RemotingCommand call(RemotingClient with, RemotingCommand request) throws Exception {
        return with.invokeSync(addr(), request, 5000);
    }

    CompletableFuture<RemotingCommand> callAsync(RemotingCommand request, long timeoutMs) {
        return client.invokeAsync(addr(), request, timeoutMs);
    }

    static RemotingCommand request(int code, String... keyValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return RemotingCommand.request(code).extFields(fields);
    }

    /** Appends one message and waits until it is dispatched; returns its append result. */
    AppendResult put(String topic, int queueId, String body, String tags, String keys, String uniqKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (keys != null) {
            properties.put("KEYS", keys);
        }
        if (uniqKey != null) {
            properties.put("UNIQ_KEY", uniqKey);
        }
        if (tags != null) {
            properties.put("TAGS", tags);
        }
        EncodableMessage message = EncodableMessage.builder()
                .topic(topic)
                .queueId(queueId)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .bornTimestamp(clock.millis())
                .properties(properties)
                .build();
        AppendResult result = store.put(new MessageRecord(message)).join();
        awaitDispatched();
        return result;
    }

    AppendResult put(String topic, int queueId, String body) {
        return put(topic, queueId, body, null, null, null);
    }

    void awaitDispatched() {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> store.dispatchedOffset() == store.commitLog().writtenOffset());
    }

    @Override
    public void close() throws IOException {
        shutdown();
        executor.shutdownNow();
    }
}
