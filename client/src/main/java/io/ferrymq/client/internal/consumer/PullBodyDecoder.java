package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.MessageView;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the body of a PULL_MESSAGE (or QUERY_MESSAGE, VIEW_MESSAGE_BY_ID) response: stored records
 * back to back (wire-protocol §6.1). Bodies are inflated when compressed (zlib); the queue id comes
 * from the queue pulled, the queue offset from the bytes; a retry topic's messages get their original
 * topic back from RETRY_TOPIC. Decoding stops at the first record that does not validate. Stateless.
 */
public final class PullBodyDecoder {
    private PullBodyDecoder() {}

    /**
     * @param pulled the queue the body came from; null takes topic and queue id from each record
     */
    public static List<MessageView> decode(byte[] body, String brokerName, MessageQueue pulled) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        StoredRecord record = new StoredRecord();
        List<MessageView> views = new ArrayList<>();
        int position = 0;
        while (position < body.length) {
            int size = StoredRecord.validate(buffer, position, body.length);
            if (size <= 0) {
                break;
            }
            record.wrap(buffer, position);
            views.add(view(record, brokerName, pulled));
            position += size;
        }
        return views;
    }

    private static MessageView view(StoredRecord record, String brokerName, MessageQueue pulled) {
        Map<String, String> properties = Collections.unmodifiableMap(record.properties());
        String topic =
                properties.getOrDefault(MessageProperty.RETRY_TOPIC, pulled != null ? pulled.topic() : record.topic());
        String offsetId = record.offsetMessageId();
        String uniqKey = properties.get(MessageProperty.UNIQ_KEY);
        String keys = properties.get(MessageProperty.KEYS);
        return new MessageView(
                topic,
                properties.get(MessageProperty.TAGS),
                keys == null || keys.isBlank() ? List.of() : List.of(keys.trim().split(" +")),
                body(record),
                properties,
                brokerName,
                pulled != null ? pulled.queueId() : record.queueId(),
                record.queueOffset(),
                uniqKey != null ? uniqKey : offsetId,
                offsetId,
                record.physicalOffset(),
                record.reconsumeTimes(),
                Instant.ofEpochMilli(record.bornTimestamp()),
                Instant.ofEpochMilli(record.storeTimestamp()),
                record.flag());
    }

    private static byte[] body(StoredRecord record) {
        int from = record.bodyPosition();
        byte[] raw = Arrays.copyOfRange(record.buffer().array(), from, from + record.bodyLength());
        if (!MessageSysFlag.isCompressed(record.sysFlag())) {
            return raw;
        }
        int type = MessageSysFlag.compressionType(record.sysFlag());
        if (type != 0 && type != MessageSysFlag.COMPRESSION_ZLIB_TYPE) {
            return raw; // LZ4/ZSTD are not supported: hand over the stored bytes
        }
        return inflate(raw);
    }

    static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return compressed;
        } finally {
            inflater.end();
        }
    }
}
