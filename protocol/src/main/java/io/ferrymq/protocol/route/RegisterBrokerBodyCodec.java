package io.ferrymq.protocol.route;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The two forms of a REGISTER_BROKER body. With {@code compressed=false} it is the JSON of
 * {@link RegisterBrokerBody}. With {@code compressed=true} it is one zlib (deflate) stream holding,
 * all integers big-endian:
 *
 * <pre>
 * +---------+----------------------+      DataVersion JSON
 * | int32 n | n bytes              |
 * +---------+----------------------+
 * | int32 topicCount               |
 * +---------+----------------------+      repeated topicCount times: one text line
 * | int32 n | n bytes              |      "topicName readQ writeQ perm topicFilterType [attributesJson]"
 * +---------+----------------------+
 * | int32 n | n bytes              |      filterServerList JSON array
 * +---------+----------------------+
 * | int32 mappingCount             |      optional (brokers from 5.0.0 on): static-topic mappings,
 * +---------+----------------------+      each an int32 length and a TopicQueueMappingInfo JSON
 * </pre>
 *
 * The compressed form carries neither {@code topicSysFlag} nor {@code order} (both decode as 0/false)
 * nor {@code mappingDataVersion}. Stateless and thread-safe.
 */
public final class RegisterBrokerBodyCodec {
    private static final String SEPARATOR = " ";

    private RegisterBrokerBodyCodec() {}

    /**
     * The {@code bodyCrc32} header of REGISTER_BROKER: CRC32 of the body bytes with the top bit cleared,
     * as RocketMQ's brokers send it and its nameservers check it (the same convention as a stored
     * record's BODYCRC). A plain CRC32 matches only when its top bit happens to be clear.
     */
    public static int bodyCrc32(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFF_FFFFL);
    }

    /** Whether {@code headerCrc} matches {@code body}: RocketMQ's convention, or a plain signed CRC32. */
    public static boolean crcMatches(int headerCrc, byte[] body) {
        int masked = bodyCrc32(body);
        return headerCrc == masked || headerCrc == (masked | Integer.MIN_VALUE);
    }

    public static byte[] encode(RegisterBrokerBody body, boolean compressed) {
        return compressed ? deflate(body) : JsonBodyCodec.encode(body);
    }

    /**
     * Decodes a body in the form its header announced.
     *
     * @throws IllegalArgumentException when the bytes are not a valid body of that form
     */
    public static RegisterBrokerBody decode(byte[] bytes, boolean compressed) {
        if (!compressed) {
            return JsonBodyCodec.decode(bytes, RegisterBrokerBody.class);
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            return inflate(in);
        } catch (IOException | JSONException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed compressed register body: " + e, e);
        }
    }

    private static byte[] deflate(RegisterBrokerBody body) {
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out =
                new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION)))) {
            writeChunk(out, JsonBodyCodec.encode(wrapper.dataVersion()));
            out.writeInt(wrapper.topicConfigTable().size());
            for (TopicConfig topic : wrapper.topicConfigTable().values()) {
                writeChunk(out, topicLine(topic).getBytes(StandardCharsets.UTF_8));
            }
            writeChunk(out, JsonBodyCodec.encode(body.filterServerList()));
            out.writeInt(wrapper.topicQueueMappingInfoMap().size());
            for (Object mapping : wrapper.topicQueueMappingInfoMap().values()) {
                writeChunk(out, JsonBodyCodec.encode(mapping));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deflating into memory", e);
        }
        return bytes.toByteArray();
    }

    private static RegisterBrokerBody inflate(DataInputStream in) throws IOException {
        DataVersion dataVersion = JsonBodyCodec.decode(readChunk(in), DataVersion.class);
        int topicCount = in.readInt();
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        for (int i = 0; i < topicCount; i++) {
            TopicConfig topic = parseTopicLine(new String(readChunk(in), StandardCharsets.UTF_8));
            topics.put(topic.topicName(), topic);
        }
        List<String> filterServers = JSON.parseArray(readChunk(in), String.class);
        Map<String, Object> mappings = new LinkedHashMap<>();
        int mappingCount = readOptionalInt(in);
        for (int i = 0; i < mappingCount; i++) {
            JSONObject mapping = JSON.parseObject(readChunk(in));
            mappings.put(mapping.getString("topic"), mapping);
        }
        TopicConfigSerializeWrapper wrapper =
                new TopicConfigSerializeWrapper(dataVersion, topics, null, mappings, Map.of());
        return new RegisterBrokerBody(wrapper, filterServers);
    }

    static String topicLine(TopicConfig topic) {
        return topic.topicName()
                + SEPARATOR
                + topic.readQueueNums()
                + SEPARATOR
                + topic.writeQueueNums()
                + SEPARATOR
                + topic.perm()
                + SEPARATOR
                + topic.topicFilterType()
                + SEPARATOR
                + JSON.toJSONString(topic.attributes());
    }

    static TopicConfig parseTopicLine(String line) {
        String[] parts = line.split(SEPARATOR, 6);
        if (parts.length < 5) {
            throw new IllegalArgumentException("topic line has " + parts.length + " fields, needs 5: " + line);
        }
        Map<String, String> attributes = Map.of();
        if (parts.length == 6 && !parts[5].isBlank()) {
            attributes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : JSON.parseObject(parts[5]).entrySet()) {
                attributes.put(entry.getKey(), String.valueOf(entry.getValue()));
            }
        }
        return new TopicConfig(
                parts[0],
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]),
                parts[4],
                0,
                false,
                attributes);
    }

    private static void writeChunk(DataOutputStream out, byte[] chunk) throws IOException {
        out.writeInt(chunk.length);
        out.write(chunk);
    }

    private static byte[] readChunk(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative chunk length " + length);
        }
        byte[] chunk = in.readNBytes(length);
        if (chunk.length != length) {
            throw new EOFException("compressed body ends inside a " + length + "-byte chunk");
        }
        return chunk;
    }

    /** The mapping section is absent in bodies from brokers before 5.0.0. */
    private static int readOptionalInt(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            return 0;
        }
    }
}
