package io.ferrymq.broker.consume;

import static io.ferrymq.broker.consume.Requests.SUBSCRIPTION;
import static io.ferrymq.broker.consume.Requests.pull;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrymq.broker.internal.consume.ConsumeSettings;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullMessageResponseHeader;
import io.ferrymq.protocol.header.broker.PullResponseHeaderCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PULL_MESSAGE over TCP: every row of wire-protocol §4.4's table, refusals, and the TAG filter. */
class PullTest {
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

    private static PullMessageResponseHeader header(RemotingCommand response) {
        return PullResponseHeaderCodec.INSTANCE.decode(response.extFields());
    }

    private RemotingCommand pullAll(int queueId, long offset) throws Exception {
        return broker.call(pull("cg", "T", queueId, offset, SUBSCRIPTION, "*"));
    }

    @Test
    void emptyQueueAtZeroIsNotFoundAtZero() throws Exception {
        RemotingCommand response = pullAll(0, 0);
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(header(response).nextBeginOffset()).isZero();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void emptyQueueElsewhereIsOffsetMovedToZero() throws Exception {
        RemotingCommand response = pullAll(0, 5);
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(header(response).nextBeginOffset()).isZero();
    }

    @Test
    void foundCaughtUpAndPastTheEnd() throws Exception {
        for (int i = 0; i < 3; i++) {
            broker.put("T", 0, "m" + i);
        }
        RemotingCommand found = pullAll(0, 0);
        assertThat(found.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(found.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("m0", "m1", "m2");
        PullMessageResponseHeader h = header(found);
        assertThat(h.nextBeginOffset()).isEqualTo(3);
        assertThat(h.minOffset()).isZero();
        assertThat(h.maxOffset()).isEqualTo(3);
        assertThat(h.suggestWhichBrokerId()).isZero();

        RemotingCommand fromMiddle = pullAll(0, 1);
        assertThat(Requests.records(fromMiddle.body()))
                .extracting(Requests.Decoded::queueOffset)
                .containsExactly(1L, 2L);

        RemotingCommand caughtUp = pullAll(0, 3);
        assertThat(caughtUp.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(header(caughtUp).nextBeginOffset()).isEqualTo(3);

        RemotingCommand past = pullAll(0, 7);
        assertThat(past.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(header(past).nextBeginOffset()).isEqualTo(3);
    }

    @Test
    void nothingMatchingIsRetryImmediatelyPastTheScannedRange() throws Exception {
        broker.put("T", 1, "a", "TagA", null, null);
        broker.put("T", 1, "b", "TagB", null, null);
        RemotingCommand response = broker.call(pull("cg", "T", 1, 0, SUBSCRIPTION, "TagC"));
        assertThat(response.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(response.body()).isEmpty();
        assertThat(header(response).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void tagFilterSkipsOthersAndConfirmsHashCollisionsOnTheStoredTags() throws Exception {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        broker.put("T", 0, "1", "Aa", null, null);
        broker.put("T", 0, "2", "BB", null, null);
        broker.put("T", 0, "3", "Cc", null, null);
        broker.put("T", 0, "4", "Aa", null, null);
        broker.put("T", 0, "5", null, null, null);

        RemotingCommand aa = broker.call(pull("cg", "T", 0, 0, SUBSCRIPTION, "Aa"));
        assertThat(aa.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(aa.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("1", "4");
        assertThat(header(aa).nextBeginOffset()).as("past the scanned range").isEqualTo(5);

        RemotingCommand both = broker.call(pull("cg", "T", 0, 0, SUBSCRIPTION, "BB || Cc"));
        assertThat(Requests.records(both.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("2", "3");

        RemotingCommand bbOnlyAas = broker.call(pull("cg", "T", 0, 3, SUBSCRIPTION, "BB"));
        assertThat(bbOnlyAas.code())
                .as("a hash match on Aa must not deliver to BB, and never SUCCESS with an empty body")
                .isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(header(bbOnlyAas).nextBeginOffset()).isEqualTo(5);
    }

    @Test
    void registeredSubscriptionIsUsedWithoutTheFlag() throws Exception {
        broker.put("T", 0, "x", "TagX", null, null);
        broker.put("T", 0, "y", "TagY", null, null);
        RemotingCommand unknown = broker.call(pull("cg", "T", 0, 0, 0, null));
        assertThat(unknown.code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);

        broker.call(Requests.heartbeat("c1", "cg", "T", "TagY"));
        RemotingCommand response = broker.call(pull("cg", "T", 0, 0, 0, null));
        assertThat(Requests.records(response.body()))
                .extracting(Requests.Decoded::tags)
                .containsExactly("TagY");

        RemotingCommand otherTopic = broker.call(pull("cg", "T2", 0, 0, 0, null));
        assertThat(otherTopic.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        broker.createTopic("T2", 1);
        assertThat(broker.call(pull("cg", "T2", 0, 0, 0, null)).code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);
    }

    @Test
    void refusals() throws Exception {
        assertThat(broker.call(pull("cg", "Nope", 0, 0, SUBSCRIPTION, "*")).code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(broker.call(pull("cg", "T", 2, 0, SUBSCRIPTION, "*")).code())
                .isEqualTo(ResponseCode.INVALID_PARAMETER);
        RemotingCommand sql = pull("cg", "T", 0, 0, SUBSCRIPTION, "a > 1");
        sql.putExtField("expressionType", "SQL92");
        RemotingCommand sqlAnswer = broker.call(sql);
        assertThat(sqlAnswer.code()).isEqualTo(ResponseCode.SUBSCRIPTION_PARSE_FAILED);
        assertThat(sqlAnswer.remark()).contains("SQL92");
        broker.topics.put(broker.topics.find("T").orElseThrow().withPerm(2));
        assertThat(broker.call(pull("cg", "T", 0, 0, SUBSCRIPTION, "*")).code()).isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void unknownGroupIsRefusedWhenAutoCreateIsOff() throws Exception {
        broker.close();
        broker = new ConsumeFixture(
                dir.resolve("strict"), new ConsumeSettings(false, "broker-a", "127.0.0.1:1", true, 1000, 5000, 40));
        broker.createTopic("T", 1);
        assertThat(broker.call(pull("cg", "T", 0, 0, SUBSCRIPTION, "*")).code())
                .isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        assertThat(broker.side.subscriptionGroups().find("cg")).isEmpty();
    }

    @Test
    void batchesInMemoryAreAnsweredInPlaceOthersFromTheColdReadPool() throws Exception {
        broker.put("T", 0, "hot");
        assertThat(pullAll(0, 0).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(broker.coldReads)
                .as("a fresh record is in the memory window")
                .hasValue(0);

        broker.close();
        broker = new ConsumeFixture(
                dir.resolve("cold"), new ConsumeSettings(true, "broker-a", "127.0.0.1:1", true, 1000, 5000, 0));
        broker.createTopic("T", 1);
        for (int i = 0; i < 3; i++) {
            broker.put("T", 0, "m" + i);
        }
        RemotingCommand found = pullAll(0, 1);
        assertThat(found.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(Requests.records(found.body()))
                .extracting(Requests.Decoded::body)
                .containsExactly("m1", "m2");
        assertThat(header(found).nextBeginOffset()).isEqualTo(3);
        assertThat(broker.coldReads)
                .as("window 0: every batch is read off the pull threads")
                .hasValue(1);
        assertThat(pullAll(0, 9).code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(broker.coldReads).as("no records, nothing to read").hasValue(1);
    }

    @Test
    void commitOffsetFlagStoresTheOffset() throws Exception {
        broker.put("T", 0, "m");
        broker.call(pull("cg", "T", 0, 1, SUBSCRIPTION | Requests.COMMIT, "*", 0, 1));
        assertThat(broker.side.offsets().find("cg", "T", 0)).hasValue(1);
    }
}
