package io.ferrymq.protocol.internal;

import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import com.alibaba.fastjson2.util.Fnv;
import io.ferrymq.protocol.FrameDecodeException;
import io.ferrymq.protocol.LanguageCode;
import io.ferrymq.protocol.RemotingCommand;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header (serialize type 0), read and written with Fastjson2's streaming reader and writer:
 * no reflection, field names matched by hash. Keys are written in the order Apache's servers write
 * them; unknown keys are skipped on input. Stateless and thread-safe.
 */
public final class JsonHeaderCodec {
    private static final long CODE = Fnv.hashCode64("code");
    private static final long LANGUAGE = Fnv.hashCode64("language");
    private static final long VERSION = Fnv.hashCode64("version");
    private static final long OPAQUE = Fnv.hashCode64("opaque");
    private static final long FLAG = Fnv.hashCode64("flag");
    private static final long REMARK = Fnv.hashCode64("remark");
    private static final long EXT_FIELDS = Fnv.hashCode64("extFields");

    private JsonHeaderCodec() {}

    public static byte[] encode(RemotingCommand command) {
        try (JSONWriter writer = JSONWriter.ofUTF8()) {
            writer.startObject();
            writer.writeName("code");
            writer.writeColon();
            writer.writeInt32(command.code());
            Map<String, String> extFields = command.extFields();
            if (extFields != null) {
                writer.writeName("extFields");
                writer.writeColon();
                writer.startObject();
                for (Map.Entry<String, String> field : extFields.entrySet()) {
                    if (field.getValue() != null) {
                        writer.writeName(field.getKey());
                        writer.writeColon();
                        writer.writeString(field.getValue());
                    }
                }
                writer.endObject();
            }
            writer.writeName("flag");
            writer.writeColon();
            writer.writeInt32(command.flag());
            writer.writeName("language");
            writer.writeColon();
            writer.writeString(command.language().name());
            writer.writeName("opaque");
            writer.writeColon();
            writer.writeInt32(command.opaque());
            if (command.remark() != null) {
                writer.writeName("remark");
                writer.writeColon();
                writer.writeString(command.remark());
            }
            writer.writeName("serializeTypeCurrentRPC");
            writer.writeColon();
            writer.writeString("JSON");
            writer.writeName("version");
            writer.writeColon();
            writer.writeInt32(command.version());
            writer.endObject();
            return writer.getBytes();
        }
    }

    public static RemotingCommand decode(byte[] bytes, int offset, int length) {
        if (length == 0) {
            throw new FrameDecodeException("empty JSON header");
        }
        RemotingCommand command = RemotingCommand.empty();
        try (JSONReader reader = JSONReader.of(bytes, offset, length)) {
            if (!reader.nextIfObjectStart()) {
                throw new FrameDecodeException("JSON header is not an object");
            }
            while (!reader.nextIfObjectEnd()) {
                if (reader.isEnd()) {
                    throw new FrameDecodeException("JSON header ends inside its object");
                }
                long name = reader.readFieldNameHashCode();
                if (name == CODE) {
                    command.code(reader.readInt32Value());
                } else if (name == LANGUAGE) {
                    command.language(LanguageCode.ofName(reader.readString()));
                } else if (name == VERSION) {
                    command.version(reader.readInt32Value());
                } else if (name == OPAQUE) {
                    command.opaque(reader.readInt32Value());
                } else if (name == FLAG) {
                    command.flag(reader.readInt32Value());
                } else if (name == REMARK) {
                    command.remark(reader.readString());
                } else if (name == EXT_FIELDS) {
                    command.extFields(readStringMap(reader));
                } else {
                    reader.skipValue();
                }
            }
        } catch (JSONException | ArithmeticException | IndexOutOfBoundsException e) {
            throw new FrameDecodeException("undecodable JSON header: " + e.getMessage(), e);
        }
        return command;
    }

    private static Map<String, String> readStringMap(JSONReader reader) {
        if (reader.nextIfNull()) {
            return null;
        }
        if (!reader.nextIfObjectStart()) {
            throw new FrameDecodeException("extFields is not an object");
        }
        Map<String, String> fields = new HashMap<>();
        while (!reader.nextIfObjectEnd()) {
            if (reader.isEnd()) {
                throw new FrameDecodeException("extFields ends inside its object");
            }
            String key = reader.readFieldName();
            // other SDKs may send numbers or booleans; the wire meaning is their text
            String value = reader.isString() || reader.isNumber() ? reader.readString() : readScalarAsText(reader);
            if (key != null && value != null) {
                fields.put(key, value);
            }
        }
        return fields;
    }

    private static String readScalarAsText(JSONReader reader) {
        if (reader.nextIfNull()) {
            return null;
        }
        Object value = reader.readAny();
        return value == null ? null : value.toString();
    }
}
