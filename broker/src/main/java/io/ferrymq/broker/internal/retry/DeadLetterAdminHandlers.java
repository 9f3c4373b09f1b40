package io.ferrymq.broker.internal.retry;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.dlq.DeadLetter;
import io.ferrymq.dlq.DeadLetterOffice;
import io.ferrymq.dlq.QueueChooser;
import io.ferrymq.dlq.ReplayTarget;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RequestHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * FerryMQ's admin requests over dead-letter queues, JSON bodies; header fields:
 *
 * <ul>
 *   <li>FERRY_DLQ_LIST (7031): {@code group}, {@code beginMs}, {@code endMs} (default: all time),
 *       {@code max} (default 100, at most 1,000): the group's dead letters stored in that range, oldest
 *       first, without bodies ({@link DeadLetter});
 *   <li>FERRY_DLQ_VIEW (7032): {@code group}, {@code msgId}: one dead letter with its body;
 *       QUERY_NOT_FOUND when there is none;
 *   <li>FERRY_DLQ_REPLAY (7033): {@code group}, {@code msgIds} (comma-separated, at most 1,000),
 *       {@code target} = {@code ORIGINAL_TOPIC} (default) or {@code RETRY_TOPIC}, {@code
 *       permitsPerSecond} (default 100): appends each to its original topic (every group subscribed
 *       there sees it) or to the group's retry topic, durably whether or not a consumer is online,
 *       idempotently, paced; the body lists a result per message;
 *   <li>FERRY_DLQ_STATS (7034): messages sent to each group's DLQ, ever.
 * </ul>
 *
 * Thread-safe; replays block the admin thread while they are paced.
 */
public final class DeadLetterAdminHandlers {
    private static final int MAX_LISTED = 1_000;

    private DeadLetterAdminHandlers() {}

    public static RequestHandler list(DeadLetterOffice deadLetters) {
        return (channel, request) -> {
            Map<String, String> fields = fields(request);
            String group = fields.get(FerryAdminFields.GROUP);
            if (group == null || group.isBlank()) {
                return missing(request, "group");
            }
            try {
                long begin = Long.parseLong(fields.getOrDefault(FerryAdminFields.BEGIN_MS, "0"));
                long end = Long.parseLong(fields.getOrDefault(FerryAdminFields.END_MS, Long.toString(Long.MAX_VALUE)));
                int max = Math.min(MAX_LISTED, Integer.parseInt(fields.getOrDefault(FerryAdminFields.MAX, "100")));
                return Answers.success(request, JsonBodyCodec.encode(deadLetters.list(group, begin, end, max)));
            } catch (NumberFormatException e) {
                return Answers.of(request, ResponseCode.INVALID_PARAMETER, "beginMs, endMs and max are numbers");
            }
        };
    }

    public static RequestHandler view(DeadLetterOffice deadLetters) {
        return (channel, request) -> {
            Map<String, String> fields = fields(request);
            String group = fields.get(FerryAdminFields.GROUP);
            String msgId = fields.get(FerryAdminFields.MSG_ID);
            if (group == null || msgId == null) {
                return missing(request, "group and msgId");
            }
            Optional<DeadLetter> found = deadLetters.view(group, msgId);
            return found.map(letter -> Answers.success(request, JsonBodyCodec.encode(letter)))
                    .orElseGet(() -> Answers.of(
                            request, ResponseCode.QUERY_NOT_FOUND, "no dead letter " + msgId + " in %DLQ%" + group));
        };
    }

    public static RequestHandler replay(DeadLetterOffice deadLetters, TopicConfigTable topics) {
        QueueChooser chooser = topic -> {
            int queues = topics.find(topic).map(TopicConfig::writeQueueNums).orElse(1);
            return ThreadLocalRandom.current().nextInt(Math.max(1, queues));
        };
        return (channel, request) -> {
            Map<String, String> fields = fields(request);
            String group = fields.get(FerryAdminFields.GROUP);
            String ids = fields.get(FerryAdminFields.MSG_IDS);
            if (group == null || ids == null || ids.isBlank()) {
                return missing(request, "group and msgIds");
            }
            List<String> msgIds = Arrays.stream(ids.split(","))
                    .map(String::trim)
                    .filter(id -> !id.isEmpty())
                    .toList();
            if (msgIds.size() > MAX_LISTED) {
                return Answers.of(
                        request, ResponseCode.INVALID_PARAMETER, "at most " + MAX_LISTED + " messages per replay");
            }
            ReplayTarget target;
            double rate;
            try {
                target = ReplayTarget.valueOf(
                        fields.getOrDefault(FerryAdminFields.TARGET, ReplayTarget.ORIGINAL_TOPIC.name()));
                rate = Double.parseDouble(fields.getOrDefault(FerryAdminFields.PERMITS_PER_SECOND, "100"));
            } catch (IllegalArgumentException e) {
                return Answers.of(
                        request,
                        ResponseCode.INVALID_PARAMETER,
                        "target is ORIGINAL_TOPIC or RETRY_TOPIC; permitsPerSecond a positive number");
            }
            if (!(rate > 0)) {
                return Answers.of(request, ResponseCode.INVALID_PARAMETER, "permitsPerSecond must be above 0");
            }
            return Answers.success(
                    request, JsonBodyCodec.encode(deadLetters.replay(group, msgIds, target, rate, chooser)));
        };
    }

    public static RequestHandler stats(DeadLetterOffice deadLetters) {
        return (channel, request) -> Answers.success(request, JsonBodyCodec.encode(deadLetters.deadLetterCounts()));
    }

    private static RemotingCommand missing(RemotingCommand request, String what) {
        return Answers.of(request, ResponseCode.INVALID_PARAMETER, "the header needs " + what);
    }

    private static Map<String, String> fields(RemotingCommand request) {
        return request.extFields() == null ? Map.of() : request.extFields();
    }
}
