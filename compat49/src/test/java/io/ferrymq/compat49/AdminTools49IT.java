package io.ferrymq.compat49;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.broker.Broker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.PosixParser;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.srvutil.ServerUtil;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache RocketMQ 4.9.8's admin tooling, unchanged, against FerryMQ: {@code DefaultMQAdminExt} (what
 * {@code mqadmin} and dashboards are built on) creating, inspecting and deleting topics and
 * subscription groups, consume stats with lag, broker runtime stats; and the {@code clusterList}
 * sub-command itself, whose output must show the broker with the traffic it carried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTools49IT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private FerryCluster cluster;
    private Broker broker;
    private String namesrvAddr;
    private DefaultMQAdminExt admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = FerryCluster.start(dir, "Tools49", "broker-t");
        broker = cluster.broker();
        namesrvAddr = cluster.namesrvAddr();
        admin = new DefaultMQAdminExt("admin49-" + System.nanoTime());
        admin.setNamesrvAddr(namesrvAddr);
        admin.start();
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() ->
                        admin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey("broker-t"));
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void topicsGroupsAndConsumeStatsThroughDefaultMqAdminExt() throws Exception {
        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable().get("Tools49")).containsExactly("broker-t");
        String brokerAddr = broker.advertisedAddress();
        assertThat(cluster.getBrokerAddrTable().get("broker-t").getBrokerAddrs())
                .containsEntry(0L, brokerAddr);

        admin.createAndUpdateTopicConfig(brokerAddr, new TopicConfig("AdminTopic49", 3, 3, 6));
        await().atMost(PATIENCE)
                .until(() -> admin.fetchAllTopicList().getTopicList().contains("AdminTopic49"));
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("admin49-group");
        group.setRetryMaxTimes(5);
        admin.createAndUpdateSubscriptionGroupConfig(brokerAddr, group);
        assertThat(admin.examineSubscriptionGroupConfig(brokerAddr, "admin49-group")
                        .getRetryMaxTimes())
                .isEqualTo(5);

        DefaultMQProducer producer = new DefaultMQProducer("admin49-producer-" + System.nanoTime());
        producer.setNamesrvAddr(namesrvAddr);
        producer.start();
        try {
            for (int i = 0; i < 12; i++) {
                producer.send(new Message("AdminTopic49", "T", ("m" + i).getBytes(UTF_8)));
            }
            TopicStatsTable stats = admin.examineTopicStats("AdminTopic49");
            assertThat(stats.getOffsetTable()).hasSize(3);
            assertThat(stats.getOffsetTable().values().stream()
                            .mapToLong(offset -> offset.getMaxOffset())
                            .sum())
                    .isEqualTo(12);

            AtomicInteger consumed = new AtomicInteger();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("admin49-group");
            consumer.setNamesrvAddr(namesrvAddr);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe("AdminTopic49", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                consumed.addAndGet(messages.size());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            try {
                await().atMost(PATIENCE).until(() -> consumed.get() == 12);
            } finally {
                consumer.shutdown(); // commits its offsets
            }
            for (int i = 12; i < 17; i++) {
                producer.send(new Message("AdminTopic49", "T", ("m" + i).getBytes(UTF_8)));
            }
        } finally {
            producer.shutdown();
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            ConsumeStats lag = admin.examineConsumeStats("admin49-group");
            assertThat(lag.computeTotalDiff())
                    .as("the 5 sent after the consumer left")
                    .isEqualTo(5);
        });

        admin.deleteTopicInBroker(Set.of(brokerAddr), "AdminTopic49");
        admin.deleteTopicInNameServer(Set.of(namesrvAddr), "AdminTopic49", "Tools49");
        assertThat(admin.fetchAllTopicList().getTopicList()).doesNotContain("AdminTopic49");
        admin.deleteSubscriptionGroup(brokerAddr, "admin49-group", true);
        assertThat(admin.examineSubscriptionGroupConfig(brokerAddr, "admin49-group"))
                .as("a deleted group is no longer there")
                .isNull();
    }

    @Test
    void clusterListShowsTheBrokerAndItsTraffic() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("traffic49-producer-" + System.nanoTime());
        producer.setNamesrvAddr(namesrvAddr);
        producer.start();
        try {
            for (int i = 0; i < 50; i++) {
                producer.send(new Message("Traffic49", "T", ("t" + i).getBytes(UTF_8)));
            }
        } finally {
            producer.shutdown();
        }
        AtomicInteger consumed = new AtomicInteger();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("traffic49-group");
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("Traffic49", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            consumed.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(PATIENCE).until(() -> consumed.get() == 50);
        } finally {
            consumer.shutdown();
        }
        await().atMost(PATIENCE).until(() -> {
            KVTable runtime = admin.fetchBrokerRuntimeStats(broker.advertisedAddress());
            return firstRate(runtime, "putTps") > 0 && firstRate(runtime, "getTransferedTps") > 0;
        });

        System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, namesrvAddr);
        String output = run(new ClusterListSubCommand());

        assertThat(output).doesNotContain("NullPointerException").contains("Tools49");
        String row = output.lines()
                .filter(line -> line.startsWith("Tools49"))
                .findFirst()
                .orElseThrow();
        String[] columns = row.trim().split("\\s+");
        assertThat(columns[1]).isEqualTo("broker-t");
        assertThat(columns[3]).isEqualTo(broker.advertisedAddress());
        assertThat(rate(columns[5])).as("InTPS").isGreaterThan(0);
        assertThat(rate(columns[6])).as("OutTPS").isGreaterThan(0);
        assertThat(Double.parseDouble(columns[columns.length - 1]))
                .as("SPACE: the disk's used share")
                .isBetween(0.0001, 1.0);
    }

    private static double firstRate(KVTable runtime, String key) {
        return Double.parseDouble(runtime.getTable().get(key).split(" ")[0]);
    }

    /** "12.00(0,0ms)" → 12.0, as clusterList prints a rate and its queue. */
    private static double rate(String column) {
        return Double.parseDouble(column.substring(0, column.indexOf('(')));
    }

    /** Runs an mqadmin sub-command as {@code mqadmin} would, returning what it printed. */
    private static String run(SubCommand command) throws Exception {
        Options options = ServerUtil.buildCommandlineOptions(new Options());
        CommandLine line = ServerUtil.parseCmdLine(
                "mqadmin " + command.commandName(),
                new String[] {},
                command.buildCommandlineOptions(options),
                new PosixParser());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            command.execute(line, options, null);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String printed = captured.toString(UTF_8);
        out.print(printed);
        return printed;
    }
}
