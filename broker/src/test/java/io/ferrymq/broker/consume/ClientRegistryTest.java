package io.ferrymq.broker.consume;

import static io.ferrymq.broker.consume.ConsumeFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.fastjson2.JSON;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEART_BEAT and what follows from it: registration, %RETRY% topics, consumer lists, notifications, expiry. */
class ClientRegistryTest {
    @TempDir
    Path dir;

    ConsumeFixture broker;
    final ExecutorService clientExecutor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws Exception {
        broker = new ConsumeFixture(dir);
        broker.createTopic("T", 4);
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
        clientExecutor.shutdownNow();
    }

    /** A client that records the groups named in the NOTIFY_CONSUMER_IDS_CHANGED it receives. */
    private RemotingClient listening(List<String> notices) {
        RemotingClient client = broker.newClient();
        client.registerHandler(
                RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                (channel, req) -> {
                    assertThat(req.isOneway()).isTrue();
                    notices.add(req.extField("consumerGroup"));
                    return null;
                },
                clientExecutor);
        return client;
    }

    private List<String> consumerIds(String group) throws Exception {
        RemotingCommand response = broker.call(request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, "consumerGroup", group));
        if (response.code() != ResponseCode.SUCCESS) {
            assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.remark()).contains("no consumer for this group");
            return List.of();
        }
        return JSON.parseObject(response.body()).getJSONArray("consumerIdList").toList(String.class);
    }

    @Test
    void heartbeatRegistersCreatesRetryTopicAndGroupBeforeAnswering() throws Exception {
        RemotingCommand response = broker.call(Requests.heartbeat("c1", "cg", "T", "*"));
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.version()).isGreaterThanOrEqualTo(453);
        assertThat(response.extField("IS_SUPPORT_HEART_BEAT_V2")).isEqualTo("false");

        TopicConfig retry = broker.topics.find("%RETRY%cg").orElseThrow();
        assertThat(retry.readQueueNums()).isEqualTo(1);
        assertThat(retry.perm()).isEqualTo(6);
        assertThat(broker.side.subscriptionGroups().find("cg"))
                .get()
                .satisfies(g -> assertThat(g.retryMaxTimes()).isEqualTo(16));
        assertThat(consumerIds("cg")).containsExactly("c1");
        assertThat(consumerIds("other")).isEmpty();
        assertThat(broker.side.clients().producers("pg1")).hasSize(1);
    }

    @Test
    void membershipChangesNotifyEveryMember() throws Exception {
        List<String> noticesA = new CopyOnWriteArrayList<>();
        List<String> noticesB = new CopyOnWriteArrayList<>();
        RemotingClient a = listening(noticesA);
        RemotingClient b = listening(noticesB);
        try {
            broker.call(a, Requests.heartbeat("A", "cg", "T", "*"));
            await().atMost(Duration.ofSeconds(5)).until(() -> noticesA.size() == 1);
            broker.call(a, Requests.heartbeat("A", "cg", "T", "*"));

            broker.call(b, Requests.heartbeat("B", "cg", "T", "*"));
            await().atMost(Duration.ofSeconds(5)).until(() -> noticesA.size() == 2 && noticesB.size() == 1);
            assertThat(noticesA).containsOnly("cg");
            assertThat(consumerIds("cg")).containsExactlyInAnyOrder("A", "B");

            b.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> noticesA.size() == 3);
            assertThat(consumerIds("cg")).containsExactly("A");

            RemotingCommand unregister = request(
                    RequestCode.UNREGISTER_CLIENT, "clientID", "A", "consumerGroup", "cg", "producerGroup", "pg1");
            assertThat(broker.call(a, unregister).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(consumerIds("cg")).isEmpty();
            assertThat(broker.side.clients().producers("pg1")).isEmpty();
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void silentClientsExpireAfter120Seconds() throws Exception {
        RemotingClient silent = broker.newClient(); // its channel is closed on expiry; queries use another
        try {
            broker.call(silent, Requests.heartbeat("c1", "cg", "T", "*"));
            broker.clock.advanceMs(60_000);
            broker.side.clientExpiryAgent().doWork();
            assertThat(consumerIds("cg")).containsExactly("c1");

            broker.call(silent, Requests.heartbeat("c1", "cg", "T", "*"));
            broker.clock.advanceMs(119_000);
            broker.side.clientExpiryAgent().doWork();
            assertThat(consumerIds("cg"))
                    .as("refreshed by the second heartbeat")
                    .containsExactly("c1");

            broker.clock.advanceMs(10_000); // the next scan, 10 s after the last
            broker.side.clientExpiryAgent().doWork();
            assertThat(consumerIds("cg")).isEmpty();
        } finally {
            silent.close();
        }
    }

    @Test
    void checkClientConfigAcceptsTagAndRefusesSql92() throws Exception {
        String tag =
                "{\"group\":\"cg\",\"subscriptionData\":{\"topic\":\"T\",\"subString\":\"*\",\"expressionType\":\"TAG\"}}";
        String sql =
                "{\"group\":\"cg\",\"subscriptionData\":{\"topic\":\"T\",\"subString\":\"a>1\",\"expressionType\":\"SQL92\"}}";
        RemotingCommand ok = broker.call(
                RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG).body(tag.getBytes(StandardCharsets.UTF_8)));
        RemotingCommand refused = broker.call(
                RemotingCommand.request(RequestCode.CHECK_CLIENT_CONFIG).body(sql.getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(refused.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(refused.remark()).contains("SQL92");
    }
}
