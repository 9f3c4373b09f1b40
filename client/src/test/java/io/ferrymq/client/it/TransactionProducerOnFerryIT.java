package io.ferrymq.client.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.client.Admin;
import io.ferrymq.client.ConsumeFrom;
import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.Message;
import io.ferrymq.client.PendingTransaction;
import io.ferrymq.client.PushConsumer;
import io.ferrymq.client.TransactionChecker;
import io.ferrymq.client.TransactionProducer;
import io.ferrymq.client.TransactionSendResult;
import io.ferrymq.client.TransactionState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * FerryMQ's {@link TransactionProducer} against FerryMQ's broker (checks after 1 s, every 1 s, at most
 * 3): commit delivers once, rollback never, UNKNOWN then a check that commits once, a producer killed
 * half way is answered for by a new one of its group, and a half past its last check is parked,
 * listed and settled through {@link Admin}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionProducerOnFerryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Path tmp;
    private FerryClusterFixture cluster;
    private Admin admin;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = FerryClusterFixture.start(
                dir.resolve("cluster"),
                "transactionTimeOut",
                "1000",
                "transactionCheckInterval",
                "1000",
                "transactionCheckMax",
                "3");
        admin = Admin.builder().namesrvAddr(cluster.namesrvAddr()).build();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
    }

    @AfterAll
    void stop() {
        admin.close();
        cluster.close();
    }

    @Test
    void commitDeliversOnceAndRollbackNever() throws Exception {
        String topic = "ItTxDecide";
        Map<String, AtomicInteger> consumed = consume("it-tx-decide", topic);
        TransactionProducer producer = producer(
                "it-tx-decide-p",
                (message, msgId, arg) -> (boolean) arg ? TransactionState.COMMIT : TransactionState.ROLLBACK,
                message -> TransactionState.UNKNOWN);
        for (int i = 0; i < 10; i++) {
            TransactionSendResult committed = producer.send(Message.of(topic, ("commit-" + i).getBytes(UTF_8)), true);
            assertThat(committed.state()).isEqualTo(TransactionState.COMMIT);
            producer.send(Message.of(topic, ("rollback-" + i).getBytes(UTF_8)), false);
        }

        await().atMost(PATIENCE).until(() -> consumed.size() >= 10);
        // past the check-back time: nothing else may appear
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(consumed.keySet()).hasSize(10).allMatch(body -> body.startsWith("commit-"));
            assertThat(consumed.values()).allMatch(count -> count.get() == 1);
        });
    }

    @Test
    void unknownThenACheckThatCommitsDeliversOnceWithItsId() throws Exception {
        String topic = "ItTxCheck";
        Map<String, AtomicInteger> consumed = consume("it-tx-check", topic);
        Map<String, String> checkedIds = new ConcurrentHashMap<>();
        TransactionProducer producer =
                producer("it-tx-check-p", (message, msgId, arg) -> TransactionState.UNKNOWN, message -> {
                    checkedIds.put(new String(message.body(), UTF_8), message.msgId());
                    return TransactionState.COMMIT;
                });
        TransactionSendResult sent = producer.send(Message.of(topic, "checked".getBytes(UTF_8)), null);

        await().atMost(PATIENCE).until(() -> consumed.containsKey("checked"));
        // past the next check-back time: no second delivery
        await().during(Duration.ofMillis(2_500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed.get("checked").get()).isEqualTo(1));
        assertThat(checkedIds).containsEntry("checked", sent.msgId());
    }

    @Test
    void aProducerKilledHalfWayIsAnsweredForByANewProducerOfItsGroup() throws Exception {
        String topic = "ItTxKilled";
        String group = "it-tx-killed-p";
        Map<String, AtomicInteger> consumed = consume("it-tx-killed", topic);
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HalfThenHangMain.class.getName(),
                        cluster.namesrvAddr(),
                        group,
                        topic,
                        "orphan")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("HALF-SENT"));
            assertThat(line).as("the child sent its half message").isNotNull();
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // check-back times pass with nobody to ask
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed).isEmpty());

        TransactionProducer successor =
                producer(group, (message, msgId, arg) -> TransactionState.COMMIT, message -> TransactionState.COMMIT);
        successor.send(Message.of(topic, "successor".getBytes(UTF_8)), null);

        await().atMost(PATIENCE).until(() -> consumed.containsKey("orphan"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed.get("orphan").get()).isEqualTo(1));
    }

    @Test
    void aHalfPastItsLastCheckIsParkedListedAndSettledThroughAdmin() throws Exception {
        String topic = "ItTxParked";
        Map<String, AtomicInteger> consumed = consume("it-tx-parked", topic);
        TransactionProducer producer = producer(
                "it-tx-parked-p",
                (message, msgId, arg) -> TransactionState.UNKNOWN,
                message -> TransactionState.UNKNOWN);
        TransactionSendResult sent = producer.send(Message.of(topic, "parked".getBytes(UTF_8)), null);

        await().atMost(PATIENCE)
                .until(() -> admin.unresolvedTransactions(cluster.clusterName(), true, 100).stream()
                        .anyMatch(t -> sent.msgId().equals(t.msgId())));
        PendingTransaction parked = admin.unresolvedTransactions(cluster.clusterName(), true, 100).stream()
                .filter(t -> sent.msgId().equals(t.msgId()))
                .findFirst()
                .orElseThrow();
        assertThat(parked.state()).isEqualTo("PARKED");
        assertThat(parked.checks()).isEqualTo(3);
        assertThat(parked.topic()).isEqualTo(topic);
        assertThat(consumed).isEmpty();

        admin.resolveTransaction(parked.brokerAddr(), parked.halfOffset(), true);
        admin.resolveTransaction(parked.brokerAddr(), parked.halfOffset(), true); // idempotent

        await().atMost(PATIENCE).until(() -> consumed.containsKey("parked"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed.get("parked").get()).isEqualTo(1));
        assertThat(admin.unresolvedTransactions(cluster.clusterName(), true, 100))
                .noneMatch(t -> sent.msgId().equals(t.msgId()));
    }

    private TransactionProducer producer(
            String group, io.ferrymq.client.LocalTransaction local, TransactionChecker checker) {
        TransactionProducer producer = TransactionProducer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .producerGroup(group)
                .localTransaction(local)
                .checker(checker)
                .build();
        closeables.add(producer);
        return producer;
    }

    private Map<String, AtomicInteger> consume(String group, String topic) throws Exception {
        admin.createTopic(cluster.clusterName(), topic, 4);
        cluster.awaitRoute(topic);
        Map<String, AtomicInteger> consumed = new ConcurrentHashMap<>();
        closeables.add(PushConsumer.builder()
                .namesrvAddr(cluster.namesrvAddr())
                .consumerGroup(group)
                .subscribe(topic, "*")
                .consumeFrom(ConsumeFrom.FIRST)
                .offsetStoreDir(tmp.resolve("offsets-" + group))
                .listener(messages -> {
                    messages.forEach(
                            m -> consumed.computeIfAbsent(new String(m.body(), UTF_8), k -> new AtomicInteger())
                                    .incrementAndGet());
                    return ConsumeResult.SUCCESS;
                })
                .build());
        return consumed;
    }
}
