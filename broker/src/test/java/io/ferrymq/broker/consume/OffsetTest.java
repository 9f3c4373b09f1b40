package io.ferrymq.broker.consume;

import static io.ferrymq.broker.consume.ConsumeFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consumer offsets (committed, queried, persisted across a restart) and queue metadata. */
class OffsetTest {
    @TempDir
    Path dir;

    ConsumeFixture broker;

    @BeforeEach
    void setUp() throws Exception {
        broker = new ConsumeFixture(dir);
        broker.createTopic("T", 2);
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
    }

    private RemotingCommand query(String group, int queueId, String... extra) throws Exception {
        RemotingCommand request = request(
                RequestCode.QUERY_CONSUMER_OFFSET,
                "consumerGroup",
                group,
                "topic",
                "T",
                "queueId",
                Integer.toString(queueId));
        for (int i = 0; i < extra.length; i += 2) {
            request.putExtField(extra[i], extra[i + 1]);
        }
        return broker.call(request);
    }

    private RemotingCommand update(String group, int queueId, long offset) {
        return request(
                RequestCode.UPDATE_CONSUMER_OFFSET,
                "consumerGroup",
                group,
                "topic",
                "T",
                "queueId",
                Integer.toString(queueId),
                "commitOffset",
                Long.toString(offset));
    }

    @Test
    void youngQueueAnswersZeroForANewGroup() throws Exception {
        broker.put("T", 0, "m");
        RemotingCommand response = query("fresh", 0);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extField("offset")).isEqualTo("0");

        RemotingCommand strict = query("fresh", 0, "setZeroIfNotFound", "false");
        assertThat(strict.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
    }

    @Test
    void committedOffsetsAreAnsweredAndSurviveARestart() throws Exception {
        assertThat(broker.call(update("cg", 0, 7)).code()).isEqualTo(ResponseCode.SUCCESS);
        broker.client.invokeOneway(broker.addr(), update("cg", 1, 9).markOneway());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> broker.side.offsets().find("cg", "T", 1).equals(OptionalLong.of(9)));
        assertThat(query("cg", 0).extField("offset")).isEqualTo("7");

        broker.shutdown();
        broker.open();

        assertThat(query("cg", 0).extField("offset")).isEqualTo("7");
        assertThat(query("cg", 1).extField("offset")).isEqualTo("9");
        assertThat(broker.side.offsets().ofGroup("cg")).containsKey("T");
    }

    @Test
    void queueMetadata() throws Exception {
        long before = System.currentTimeMillis();
        broker.put("T", 0, "a");
        broker.put("T", 0, "b");
        assertThat(broker.call(request(RequestCode.GET_MAX_OFFSET, "topic", "T", "queueId", "0"))
                        .extField("offset"))
                .isEqualTo("2");
        assertThat(broker.call(request(RequestCode.GET_MIN_OFFSET, "topic", "T", "queueId", "0"))
                        .extField("offset"))
                .isEqualTo("0");
        assertThat(broker.call(request(RequestCode.GET_MAX_OFFSET, "topic", "T", "queueId", "1"))
                        .extField("offset"))
                .isEqualTo("0");
        long earliest = Long.parseLong(
                broker.call(request(RequestCode.GET_EARLIEST_MSG_STORETIME, "topic", "T", "queueId", "0"))
                        .extField("timestamp"));
        assertThat(earliest).isGreaterThanOrEqualTo(before - 1000);
        RemotingCommand future = broker.call(request(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                "topic",
                "T",
                "queueId",
                "0",
                "timestamp",
                Long.toString(earliest + 3_600_000),
                "boundaryType",
                "LOWER"));
        assertThat(future.extField("offset")).as("all older: max offset").isEqualTo("2");
        RemotingCommand past = broker.call(
                request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, "topic", "T", "queueId", "0", "timestamp", "0"));
        assertThat(past.extField("offset")).as("all newer: min offset").isEqualTo("0");
    }
}
