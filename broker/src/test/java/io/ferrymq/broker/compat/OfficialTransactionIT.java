package io.ferrymq.broker.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.transaction.Decision;
import io.ferrymq.transaction.HalfInfo;
import io.ferrymq.transaction.HalfState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Apache RocketMQ client's {@code TransactionMQProducer} (5.5.0), unchanged, against
 * FerryMQ: commit delivers once, rollback never, UNKNOWN then a check that says commit delivers once,
 * a producer killed half way is answered for by a new producer of its group, a half past its last
 * check is parked, listed and settled by an operator, and pending halves survive a broker restart.
 * The broker checks back after 1 s, every 1 s, at most 3 times, so the test is quick.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialTransactionIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private FerryCluster cluster;
    private final List<Runnable> shutdowns = new ArrayList<>();

    @BeforeAll
    void startCluster(@TempDir Path store) throws Exception {
        cluster = FerryCluster.start(
                store, "transactionTimeOut", "1000", "transactionCheckInterval", "1000", "transactionCheckMax", "3");
    }

    @AfterEach
    void shutdownClients() {
        shutdowns.forEach(Runnable::run);
        shutdowns.clear();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void commitDeliversOnceAndRollbackNever() throws Exception {
        String topic = "TxDecide";
        Map<String, AtomicInteger> consumed = consume("tx-decide-consumer", topic);
        TransactionMQProducer producer = producer(
                "tx-decide",
                body -> body.startsWith("commit")
                        ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE,
                m -> LocalTransactionState.UNKNOW);
        for (int i = 0; i < 20; i++) {
            TransactionSendResult commit = send(producer, topic, "commit-" + i);
            assertThat(commit.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(commit.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(commit.getTransactionId()).isEqualTo(commit.getMsgId());
            send(producer, topic, "rollback-" + i);
        }
        send(producer, topic, "commit-last");

        await().atMost(PATIENCE).until(() -> consumed.containsKey("commit-last") && consumed.size() >= 21);
        // past the check-back time: nothing else may appear
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(consumed.keySet()).allMatch(body -> body.startsWith("commit"));
            assertThat(consumed).hasSize(21);
            assertThat(consumed.values()).allMatch(count -> count.get() == 1);
        });
    }

    @Test
    void unknownThenACheckThatCommitsDeliversOnce() throws Exception {
        String topic = "TxCheck";
        Map<String, AtomicInteger> consumed = consume("tx-check-consumer", topic);
        AtomicInteger checks = new AtomicInteger();
        TransactionMQProducer producer = producer("tx-check", body -> LocalTransactionState.UNKNOW, m -> {
            checks.incrementAndGet();
            return LocalTransactionState.COMMIT_MESSAGE;
        });
        send(producer, topic, "checked");

        await().atMost(PATIENCE).until(() -> consumed.containsKey("checked"));
        // past the next check-back time: no second delivery, no second check
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(consumed.get("checked").get()).isEqualTo(1);
            assertThat(checks.get()).isEqualTo(1);
        });
        assertThat(cluster.broker().transactions().pending(100))
                .noneMatch(h -> h.topic().equals(topic));
    }

    @Test
    void aProducerKilledHalfWayIsAnsweredForByANewProducerOfItsGroup() throws Exception {
        String topic = "TxKilled";
        String group = "tx-killed";
        Map<String, AtomicInteger> consumed = consume("tx-killed-consumer", topic);
        Process half = new ProcessBuilder(
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
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(half.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("HALF-SENT"));
            assertThat(line).as("the child sent its half message").isNotNull();
        }
        half.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL before END_TRANSACTION
        await().atMost(PATIENCE)
                .until(() -> cluster.broker().transactions().pending(100).stream()
                        .anyMatch(h -> h.topic().equals(topic)));
        // check-back times pass with nobody to ask
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed)
                        .as("not delivered while nobody decided")
                        .isEmpty());
        int checksWithoutProducer = cluster.broker().transactions().pending(100).stream()
                .filter(h -> h.topic().equals(topic))
                .findFirst()
                .orElseThrow()
                .checks();

        // the new producer of the group goes about its work; a client heartbeats the brokers it has
        // routes for, so from its first send on it is the one the broker checks with
        TransactionMQProducer successor = producer(
                group, body -> LocalTransactionState.COMMIT_MESSAGE, m -> LocalTransactionState.COMMIT_MESSAGE);
        send(successor, topic, "successor");

        await().atMost(PATIENCE).until(() -> consumed.containsKey("orphan"));
        assertThat(consumed.get("orphan").get()).isEqualTo(1);
        assertThat(checksWithoutProducer)
                .as("checks are not spent while the group has no live producer")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aHalfPastItsLastCheckIsParkedListedAndSettledByAnOperator() throws Exception {
        String topic = "TxParked";
        Map<String, AtomicInteger> consumed = consume("tx-parked-consumer", topic);
        AtomicInteger checks = new AtomicInteger();
        TransactionMQProducer producer = producer("tx-parked", body -> LocalTransactionState.UNKNOW, m -> {
            checks.incrementAndGet();
            return LocalTransactionState.UNKNOW;
        });
        TransactionSendResult sent = send(producer, topic, "parked");

        await().atMost(PATIENCE)
                .until(() -> cluster.broker().transactions().unresolved(100).stream()
                        .anyMatch(h -> sent.getMsgId().equals(h.msgId())));
        HalfInfo parked = cluster.broker().transactions().unresolved(100).stream()
                .filter(h -> sent.getMsgId().equals(h.msgId()))
                .findFirst()
                .orElseThrow();
        assertThat(parked.state()).isEqualTo(HalfState.PARKED);
        assertThat(parked.checks()).isEqualTo(3);
        assertThat(parked.topic()).isEqualTo(topic);
        // the third check may still be reaching the producer; after it, through the next check-back
        // time, no more
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(checks.get()).as("a parked half is not checked again").isEqualTo(3);
            assertThat(consumed).isEmpty();
        });

        assertThat(cluster.broker()
                        .transactions()
                        .resolve(parked.halfOffset(), Decision.COMMIT)
                        .status())
                .isEqualTo(io.ferrymq.transaction.EndResult.Status.COMMITTED);

        await().atMost(PATIENCE).until(() -> consumed.containsKey("parked"));
        assertThat(cluster.broker().transactions().unresolved(100))
                .noneMatch(h -> h.topic().equals(topic));
    }

    @Test
    void pendingHalvesSurviveABrokerRestartAndAreCheckedAfterIt() throws Exception {
        String topic = "TxRestart";
        String group = "tx-restart";
        TransactionMQProducer first = producer(group, body -> LocalTransactionState.UNKNOW, m -> {
            throw new IllegalStateException("the first producer never answers checks");
        });
        for (int i = 0; i < 30; i++) {
            send(first, topic, "pending-" + i);
        }
        first.shutdown();
        cluster.stopBroker();
        cluster.startBroker();
        await().atMost(PATIENCE)
                .until(() -> cluster.broker().transactions().pending(100).stream()
                                .filter(h -> h.topic().equals(topic))
                                .count()
                        == 30);

        Map<String, AtomicInteger> consumed = consume("tx-restart-consumer", topic);
        TransactionMQProducer second = producer(
                group, body -> LocalTransactionState.COMMIT_MESSAGE, m -> LocalTransactionState.COMMIT_MESSAGE);
        send(second, topic, "after-restart");

        await().atMost(PATIENCE).until(() -> consumed.size() == 31);
        await().during(Duration.ofMillis(2_500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumed.values()).allMatch(count -> count.get() == 1));
    }

    private TransactionSendResult send(TransactionMQProducer producer, String topic, String body) throws Exception {
        return producer.sendMessageInTransaction(new Message(topic, body.getBytes(StandardCharsets.UTF_8)), null);
    }

    private TransactionMQProducer producer(
            String group,
            Function<String, LocalTransactionState> local,
            Function<MessageExt, LocalTransactionState> check)
            throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        producer.setNamesrvAddr(cluster.namesrvAddr());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return local.apply(new String(message.getBody(), StandardCharsets.UTF_8));
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return check.apply(message);
            }
        });
        producer.start();
        shutdowns.add(producer::shutdown);
        return producer;
    }

    private Map<String, AtomicInteger> consume(String group, String topic) throws Exception {
        // the topic exists (and the nameserver has its route) before the consumer looks for it
        cluster.broker().topics().createIfAbsent(topic, 4);
        cluster.awaitRoute(topic);
        Map<String, AtomicInteger> consumed = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> consumed.computeIfAbsent(
                            new String(m.getBody(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        shutdowns.add(consumer::shutdown);
        return consumed;
    }
}
