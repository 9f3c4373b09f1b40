package io.ferrymq.remoting;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hand-made frames, well-formed or not, for raw-socket tests. */
final class Frames {
    private Frames() {}

    /** A frame with the given length field, type byte, header length field, header and body. */
    static byte[] frame(int lengthField, int typeByte, int headerLengthField, byte[] header, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length + body.length);
        frame.putInt(lengthField).putInt((typeByte << 24) | (headerLengthField & 0xFFFFFF));
        return frame.put(header).put(body).array();
    }

    /** A frame whose fields are consistent with a JSON header of {@code json}. */
    static byte[] json(String json) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return frame(4 + header.length, 0, header.length, header, new byte[0]);
    }

    /** Just a length field and {@code rest}. */
    static byte[] lengthThen(int lengthField, byte[] rest) {
        return ByteBuffer.allocate(4 + rest.length)
                .putInt(lengthField)
                .put(rest)
                .array();
    }

    /** {@code command} as a frame, length field included. */
    static byte[] encode(RemotingCommand command) {
        ByteBuffer frame = CommandCodec.encode(command);
        return Arrays.copyOfRange(frame.array(), 0, frame.limit());
    }
}
