package io.ferrymq.broker.internal.consume.admin;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.CreateTopicRequestHeader;
import io.ferrymq.protocol.header.broker.RequestHeaders;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * UPDATE_AND_CREATE_TOPIC (17): creates or replaces a topic from the header (the table announces the
 * change, so the broker re-registers with the nameservers). Illegal names (empty, over 127
 * characters, characters outside {@code [%|a-zA-Z0-9_-]}) and queue counts outside 1..1024 get
 * INVALID_PARAMETER. {@code attributes} is RocketMQ's {@code +key=value,...}. Stateless.
 */
public final class UpdateTopicHandler implements RequestHandler {
    private static final Pattern LEGAL = Pattern.compile("^[%|a-zA-Z0-9_-]{1,127}$");

    private final TopicConfigTable topics;

    public UpdateTopicHandler(TopicConfigTable topics) {
        this.topics = topics;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        var header = (CreateTopicRequestHeader) RequestHeaders.decode(request);
        if (!LEGAL.matcher(header.topic()).matches()) {
            return Answers.of(
                    request,
                    ResponseCode.INVALID_PARAMETER,
                    "the topic[" + header.topic() + "] is illegal: 1..127 characters of [%|a-zA-Z0-9_-]");
        }
        if (outOfRange(header.readQueueNums()) || outOfRange(header.writeQueueNums())) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "queue numbers must be 1..1024");
        }
        topics.put(new TopicConfig(
                header.topic(),
                header.readQueueNums(),
                header.writeQueueNums(),
                header.perm(),
                header.topicFilterType(),
                header.topicSysFlag() == null ? 0 : header.topicSysFlag(),
                Boolean.TRUE.equals(header.order()),
                attributes(header.attributes())));
        return Answers.success(request);
    }

    private static boolean outOfRange(int queues) {
        return queues < 1 || queues > 1024;
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return attributes;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.startsWith("+")) {
                int eq = trimmed.indexOf('=');
                if (eq > 1) {
                    attributes.put(trimmed.substring(1, eq), trimmed.substring(eq + 1));
                }
            }
        }
        return attributes;
    }
}
