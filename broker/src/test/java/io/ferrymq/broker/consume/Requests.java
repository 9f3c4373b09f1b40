package io.ferrymq.broker.consume;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.broker.PullHeaderCodec;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.protocol.message.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests as the official client builds them, and body decoding, for consume-side tests. */
final class Requests {
    static final int SUSPEND = PullMessageRequestHeader.FLAG_SUSPEND;
    static final int SUBSCRIPTION = PullMessageRequestHeader.FLAG_SUBSCRIPTION;
    static final int COMMIT = PullMessageRequestHeader.FLAG_COMMIT_OFFSET;

    private Requests() {}

    static RemotingCommand pull(
            String group, String topic, int queueId, long offset, int sysFlag, String subscription) {
        return pull(group, topic, queueId, offset, sysFlag, subscription, 15_000, 0);
    }

    static RemotingCommand pull(
            String group,
            String topic,
            int queueId,
            long offset,
            int sysFlag,
            String subscription,
            long suspendMs,
            long commitOffset) {
        var header = new PullMessageRequestHeader(
                group,
                topic,
                queueId,
                offset,
                32,
                sysFlag,
                commitOffset,
                suspendMs,
                subscription,
                1L,
                subscription == null ? null : "TAG",
                262144,
                null,
                null,
                "broker-a");
        Map<String, String> fields = new HashMap<>();
        PullHeaderCodec.INSTANCE.encodeInto(header, fields);
        return RemotingCommand.request(RequestCode.PULL_MESSAGE).extFields(fields);
    }

    /** A 5.x-style heartbeat of one consumer group subscribing {@code topic} with {@code expression}. */
    static RemotingCommand heartbeat(String clientId, String group, String topic, String expression) {
        String json = "{\"clientID\":\"" + clientId + "\",\"consumerDataSet\":[{\"groupName\":\"" + group
                + "\",\"consumeType\":\"CONSUME_PASSIVELY\",\"messageModel\":\"CLUSTERING\","
                + "\"consumeFromWhere\":\"CONSUME_FROM_FIRST_OFFSET\",\"unitMode\":false,\"subscriptionDataSet\":["
                + "{\"topic\":\"" + topic + "\",\"subString\":\"" + expression
                + "\",\"tagsSet\":[],\"codeSet\":[],\"expressionType\":\"TAG\",\"subVersion\":1,\"classFilterMode\":false},"
                + "{\"topic\":\"%RETRY%" + group
                + "\",\"subString\":\"*\",\"expressionType\":\"TAG\",\"subVersion\":1}]}],"
                + "\"producerDataSet\":[{\"groupName\":\"pg1\"},{\"groupName\":\"CLIENT_INNER_PRODUCER\"}],"
                + "\"heartbeatFingerprint\":0,\"withoutSub\":false}";
        return RemotingCommand.request(RequestCode.HEART_BEAT)
                .extFields(new HashMap<>())
                .body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The records of a pull or query body: [body text, TAGS, queue offset] each. */
    static List<Decoded> records(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        StoredRecord record = new StoredRecord();
        List<Decoded> out = new ArrayList<>();
        for (int at = 0; at < body.length; at = record.nextPosition()) {
            record.wrap(buffer, at);
            ByteBuffer bodySlice = record.bodySlice();
            byte[] bytes = new byte[bodySlice.remaining()];
            bodySlice.get(bytes);
            out.add(new Decoded(
                    new String(bytes, StandardCharsets.UTF_8), record.property("TAGS"), record.queueOffset()));
        }
        return out;
    }

    record Decoded(String body, String tags, long queueOffset) {}

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
