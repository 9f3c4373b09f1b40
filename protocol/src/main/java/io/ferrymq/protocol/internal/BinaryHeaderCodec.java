package io.ferrymq.protocol.internal;

import io.ferrymq.protocol.FrameDecodeException;
import io.ferrymq.protocol.LanguageCode;
import io.ferrymq.protocol.RemotingCommand;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ROCKETMQ binary header (serialize type 1), laid out as in {@link io.ferrymq.protocol.FrameLayout}.
 * Stateless and thread-safe.
 */
public final class BinaryHeaderCodec {
    private static final int FIXED_BYTES = 2 + 1 + 2 + 4 + 4 + 4 + 4;

    private BinaryHeaderCodec() {}

    public static byte[] encode(RemotingCommand command) {
        byte[] remark = command.remark() == null ? null : command.remark().getBytes(StandardCharsets.UTF_8);
        Map<String, String> extFields = command.extFields();
        int extLength = 0;
        byte[][] keys = null;
        byte[][] values = null;
        if (extFields != null && !extFields.isEmpty()) {
            keys = new byte[extFields.size()][];
            values = new byte[extFields.size()][];
            int i = 0;
            for (Map.Entry<String, String> field : extFields.entrySet()) {
                if (field.getKey() == null || field.getValue() == null) {
                    continue;
                }
                keys[i] = field.getKey().getBytes(StandardCharsets.UTF_8);
                values[i] = field.getValue().getBytes(StandardCharsets.UTF_8);
                extLength += 2 + keys[i].length + 4 + values[i].length;
                i++;
            }
        }
        int length = FIXED_BYTES + (remark == null ? 0 : remark.length) + extLength;
        ByteBuffer header = ByteBuffer.allocate(length);
        header.putShort((short) command.code());
        header.put(command.language().code());
        header.putShort((short) command.version());
        header.putInt(command.opaque());
        header.putInt(command.flag());
        if (remark == null) {
            header.putInt(0);
        } else {
            header.putInt(remark.length).put(remark);
        }
        header.putInt(extLength);
        if (keys != null) {
            for (int i = 0; i < keys.length && keys[i] != null; i++) {
                header.putShort((short) keys[i].length).put(keys[i]);
                header.putInt(values[i].length).put(values[i]);
            }
        }
        return header.array();
    }

    /** Decodes the whole of {@code header}. */
    public static RemotingCommand decode(ByteBuffer header) {
        try {
            RemotingCommand command = RemotingCommand.empty();
            command.code(header.getShort());
            command.language(LanguageCode.ofCode(header.get()));
            command.version(header.getShort());
            command.opaque(header.getInt());
            command.flag(header.getInt());
            command.remark(readString(header, header.getInt()));
            int extLength = header.getInt();
            if (extLength < 0 || extLength > header.remaining()) {
                throw new FrameDecodeException("extFields length " + extLength + " exceeds the header");
            }
            if (extLength > 0) {
                Map<String, String> fields = new HashMap<>();
                int end = header.position() + extLength;
                while (header.position() < end) {
                    String key = readString(header, header.getShort() & 0xFFFF);
                    String value = readString(header, header.getInt());
                    if (key != null) {
                        fields.put(key, value == null ? "" : value);
                    }
                }
                command.extFields(fields);
            }
            return command;
        } catch (BufferUnderflowException e) {
            throw new FrameDecodeException("binary header shorter than its fields say", e);
        }
    }

    private static String readString(ByteBuffer buffer, int length) {
        if (length == 0) {
            return null;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new FrameDecodeException("string length " + length + " exceeds the header");
        }
        if (buffer.hasArray()) {
            String value = new String(
                    buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
