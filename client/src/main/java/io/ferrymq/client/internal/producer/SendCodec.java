package io.ferrymq.client.internal.producer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.Message;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.SendResult;
import io.ferrymq.client.SendStatus;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.header.broker.SendMessageResponseHeader;
import io.ferrymq.protocol.header.broker.SendResponseHeaderCodec;
import io.ferrymq.protocol.message.BatchBodyCodec;
import io.ferrymq.protocol.message.BatchEntry;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageSysFlag;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.zip.Deflater;

/**
 * Turns {@link Message}s into SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE requests (wire-protocol §4.3) and
 * send responses into {@link SendResult}s. Stateless and thread-safe.
 */
public final class SendCodec {
    private static final int ZLIB_LEVEL = 5;

    private SendCodec() {}

    /** The properties a single message travels with: user ones, TAGS, KEYS, UNIQ_KEY, WAIT. */
    public static Map<String, String> properties(Message message, String uniqKey) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        if (!message.keys().isEmpty()) {
            properties.put(MessageProperty.KEYS, String.join(" ", message.keys()));
        }
        properties.put(MessageProperty.UNIQ_KEY, uniqKey);
        properties.put(MessageProperty.WAIT, "true");
        if (message.tags() != null) {
            properties.put(MessageProperty.TAGS, message.tags());
        }
        return properties;
    }

    /** One message; its body is zlib-compressed when it has at least {@code compressOverBytes} (0: never). */
    public static OutgoingMessage single(Message message, String uniqKey, int compressOverBytes) {
        byte[] body = message.body();
        int sysFlag = 0;
        if (compressOverBytes > 0 && body.length >= compressOverBytes) {
            body = zlib(body);
            sysFlag = MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_ZLIB_TYPE;
        }
        String properties = MessageProperties.encodeToString(properties(message, uniqKey));
        return new OutgoingMessage(
                message.topic(), message.flag(), body, sysFlag, properties, uniqKey, null, null, false);
    }

    /**
     * A batch: one topic, each message with its own UNIQ_KEY; the header carries the batch's own key.
     *
     * @throws IllegalArgumentException for an empty batch, mixed topics, or a retry topic
     */
    public static OutgoingMessage batch(List<Message> messages, List<String> uniqKeys, String batchKey) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        String topic = messages.get(0).topic();
        if (topic.startsWith("%RETRY%")) {
            throw new IllegalArgumentException("a batch cannot go to a retry topic: " + topic);
        }
        List<BatchEntry> entries = new ArrayList<>(messages.size());
        StringJoiner ids = new StringJoiner(",");
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (!message.topic().equals(topic)) {
                throw new IllegalArgumentException(
                        "a batch goes to one topic: " + topic + " and " + message.topic() + " mixed");
            }
            if (message.properties().containsKey(MessageProperty.TIMER_DELIVER_MS)
                    || message.properties().containsKey(MessageProperty.TIMER_DELAY_MS)) {
                throw new IllegalArgumentException("a batch cannot carry delayed messages: send them one by one");
            }
            byte[] properties = MessageProperties.encode(properties(message, uniqKeys.get(i)));
            entries.add(BatchEntry.of(message.flag(), message.body(), properties));
            ids.add(uniqKeys.get(i));
        }
        Map<String, String> batchProperties = new LinkedHashMap<>();
        batchProperties.put(MessageProperty.UNIQ_KEY, batchKey);
        batchProperties.put(MessageProperty.WAIT, "true");
        return new OutgoingMessage(
                topic,
                0,
                BatchBodyCodec.encode(entries),
                0,
                MessageProperties.encodeToString(batchProperties),
                ids.toString(),
                null,
                null,
                true);
    }

    /** The request sending {@code message} to {@code queue} for {@code producerGroup}. */
    public static RemotingCommand request(
            OutgoingMessage message, MessageQueue queue, String producerGroup, long bornTimestampMs) {
        SendMessageRequestHeader header = new SendMessageRequestHeader(
                producerGroup,
                message.topic(),
                PublishQueues.TEMPLATE_TOPIC,
                PublishQueues.DEFAULT_TOPIC_QUEUE_NUMS,
                queue.queueId(),
                message.sysFlag(),
                bornTimestampMs,
                message.flag(),
                message.properties(),
                message.reconsumeTimes() == null ? 0 : message.reconsumeTimes(),
                false,
                message.maxReconsumeTimes(),
                message.batch(),
                queue.brokerName());
        int code = message.batch() ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
        Map<String, String> fields = new HashMap<>();
        SendHeaderCodec.encodeV2(header, fields);
        return RemotingCommand.request(code).extFields(fields).body(message.body());
    }

    /**
     * The result of a send answered with {@code response}.
     *
     * @throws ClientException for any code but SUCCESS and the three stored-but-less-durable codes
     */
    public static SendResult result(
            RemotingCommand response, OutgoingMessage message, MessageQueue queue, String addr) {
        SendStatus status = switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default ->
                throw new ClientException(
                        response.code(),
                        "send to " + queue + " at " + addr + " answered " + ResponseCode.nameOf(response.code()) + " ("
                                + response.code() + "): " + response.remark());
        };
        SendMessageResponseHeader header = SendResponseHeaderCodec.INSTANCE.decode(response.extFields());
        MessageQueue written = new MessageQueue(queue.topic(), queue.brokerName(), header.queueId());
        return new SendResult(status, message.msgId(), header.msgId(), written, header.queueOffset());
    }

    static byte[] zlib(byte[] body) {
        Deflater deflater = new Deflater(ZLIB_LEVEL);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
