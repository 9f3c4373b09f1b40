package io.ferrymq.standalone.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.standalone.Standalone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** mqadmin's commands against a real nameserver and broker in this JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqAdminTest {
    private Standalone standalone;
    private String namesrv;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        standalone = Standalone.start(dir, 0, 0);
        namesrv = standalone.nameServerAddress();
        // the broker registers with the nameserver in the background
        String broker = standalone.broker().advertisedAddress();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MqAdminMain.run("clusterList", "-n", namesrv) == 0
                        && run("clusterList", "-n", namesrv).contains(broker));
    }

    @AfterAll
    void stop() {
        standalone.close();
    }

    @Test
    void createsATopicAndShowsItsRouteAndQueues() {
        assertThat(run("updateTopic", "-n", namesrv, "-t", "AdminTopic", "-r", "4"))
                .contains("4 queues");

        assertThat(run("topicRoute", "-n", namesrv, "-t", "AdminTopic"))
                .contains("\"writeQueueNums\":4")
                .contains(standalone.broker().advertisedAddress());
        assertThat(run("topicStatus", "-n", namesrv, "-t", "AdminTopic").lines())
                .filteredOn(line -> line.startsWith(standalone.broker().config().brokerName()))
                .hasSize(4);
    }

    @Test
    void listsTheClusterWithItsBroker() {
        assertThat(run("clusterList", "-n", namesrv))
                .contains(standalone.broker().config().brokerClusterName())
                .contains(standalone.broker().advertisedAddress());
    }

    @Test
    void showsAndCancelsPendingDelayedMessages() throws Exception {
        String cluster = standalone.broker().config().brokerClusterName();
        String msgId;
        try (io.ferrymq.client.Producer producer = io.ferrymq.client.Producer.builder()
                .namesrvAddr(namesrv)
                .producerGroup("admin-delay")
                .build()) {
            msgId = producer.send(io.ferrymq.client.Message.builder()
                            .topic("AdminDelayed")
                            .body("later".getBytes(StandardCharsets.UTF_8))
                            .deliverAfter(Duration.ofHours(1))
                            .build())
                    .msgId();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> run("delayStats", "-n", namesrv, "-c", cluster)
                        .lines()
                        .anyMatch(line -> line.startsWith(standalone.broker().advertisedAddress())
                                && line.split("\\s+")[1].equals("1")));

        assertThat(run("cancelDelayed", "-n", namesrv, "-c", cluster, "-i", msgId))
                .contains("cancelled");
        assertThat(MqAdminMain.run("cancelDelayed", "-n", namesrv, "-c", cluster, "-i", msgId))
                .as("nothing left to cancel")
                .isEqualTo(1);
        assertThat(run("delayStats", "-n", namesrv, "-c", cluster).lines())
                .anyMatch(line ->
                        line.startsWith(standalone.broker().advertisedAddress()) && line.split("\\s+")[1].equals("0"));
    }

    @Test
    void listsAndResolvesAPendingTransaction() throws Exception {
        String cluster = standalone.broker().config().brokerClusterName();
        String msgId;
        try (io.ferrymq.client.TransactionProducer producer = io.ferrymq.client.TransactionProducer.builder()
                .namesrvAddr(namesrv)
                .producerGroup("admin-tx")
                .localTransaction((m, id, arg) -> io.ferrymq.client.TransactionState.UNKNOWN)
                .checker(m -> io.ferrymq.client.TransactionState.UNKNOWN)
                .build()) {
            msgId = producer.send(
                            io.ferrymq.client.Message.of("AdminTx", "undecided".getBytes(StandardCharsets.UTF_8)), null)
                    .msgId();
        }
        String broker = standalone.broker().advertisedAddress();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> run("unresolvedTransactions", "-n", namesrv, "-c", cluster, "--all")
                        .contains(msgId));
        String line = run("unresolvedTransactions", "-n", namesrv, "-c", cluster, "--all")
                .lines()
                .filter(l -> l.contains(msgId))
                .findFirst()
                .orElseThrow();
        String halfOffset = line.trim().split("\\s+")[1];

        assertThat(run("resolveTransaction", "-n", namesrv, "-b", broker, "-o", halfOffset, "-d", "ROLLBACK"))
                .contains("rolled back");
        assertThat(run("unresolvedTransactions", "-n", namesrv, "-c", cluster, "--all"))
                .doesNotContain(msgId);
    }

    @Test
    void listsAndReplaysDeadLetters(@TempDir Path offsets) throws Exception {
        String cluster = standalone.broker().config().brokerClusterName();
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        String msgId;
        try (io.ferrymq.client.Producer producer = io.ferrymq.client.Producer.builder()
                        .namesrvAddr(namesrv)
                        .producerGroup("admin-dlq-p")
                        .build();
                io.ferrymq.client.PushConsumer consumer = io.ferrymq.client.PushConsumer.builder()
                        .namesrvAddr(namesrv)
                        .consumerGroup("admin-dlq")
                        .subscribe("AdminDlq", "*")
                        .consumeFrom(io.ferrymq.client.ConsumeFrom.FIRST)
                        .maxReconsumeTimes(0)
                        .offsetStoreDir(offsets)
                        .listener(messages -> {
                            messages.forEach(m -> received.add(new String(m.body(), StandardCharsets.UTF_8)));
                            return received.size() == 1
                                    ? io.ferrymq.client.ConsumeResult.RETRY_LATER
                                    : io.ferrymq.client.ConsumeResult.SUCCESS;
                        })
                        .build()) {
            msgId = producer.send(io.ferrymq.client.Message.of("AdminDlq", "dead".getBytes(StandardCharsets.UTF_8)))
                    .msgId();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> run("deadLetters", "-n", namesrv, "-c", cluster, "-g", "admin-dlq")
                            .contains(msgId));
            assertThat(run("deadLetters", "-n", namesrv, "-c", cluster, "-g", "admin-dlq"))
                    .contains("admin-dlq: 1 dead-lettered");
            String broker = standalone.broker().advertisedAddress();

            assertThat(run("replayDeadLetters", "-n", namesrv, "-b", broker, "-g", "admin-dlq", "-i", msgId))
                    .contains("REPLAYED");
            assertThat(run("replayDeadLetters", "-n", namesrv, "-b", broker, "-g", "admin-dlq", "-i", msgId))
                    .contains("ALREADY_REPLAYED");
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        }
    }

    @Test
    void failuresAndUsageErrorsGetDistinctExitCodes() {
        assertThat(MqAdminMain.run("noSuchCommand")).isEqualTo(2);
        assertThat(MqAdminMain.run("topicRoute", "-n", namesrv, "-t", "NeverCreated"))
                .isEqualTo(1);
    }

    private static String run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = MqAdminMain.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(exit)
                .as(
                        "exit code of mqadmin %s; it said: %s",
                        String.join(" ", args), errors.toString(StandardCharsets.UTF_8))
                .isZero();
        return captured.toString(StandardCharsets.UTF_8);
    }
}
