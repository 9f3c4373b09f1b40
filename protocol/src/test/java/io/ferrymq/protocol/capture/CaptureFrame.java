package io.ferrymq.protocol.capture;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.protocol.FrameLayout;
import io.ferrymq.protocol.SerializeType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One frame line of the wire capture: which server it went to or came from, its direction, its
 * serialize type, the header JSON exactly as logged, and the body as far as the log kept it.
 */
record CaptureFrame(int line, String server, String direction, int serializeType, String headerJson, byte[] body) {

    JSONObject header() {
        return JSON.parseObject(headerJson);
    }

    int code() {
        return header().getIntValue("code");
    }

    int opaque() {
        return header().getIntValue("opaque");
    }

    boolean isResponse() {
        return (header().getIntValue("flag") & 1) != 0;
    }

    /** The logged extFields as strings, or null when the frame had none. */
    Map<String, String> extFields() {
        JSONObject fields = header().getJSONObject("extFields");
        if (fields == null) {
            return null;
        }
        Map<String, String> strings = new HashMap<>();
        fields.forEach((key, value) -> strings.put(key, value == null ? null : value.toString()));
        return strings;
    }

    /** The frame as it crossed the wire, minus the leading length field (what CommandCodec.decode takes). */
    ByteBuffer frameWithoutLength() {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(FrameLayout.HEADER_INFO_BYTES + header.length + body.length);
        frame.putInt(FrameLayout.headerInfo(SerializeType.ofCode(serializeType), header.length));
        return frame.put(header).put(body).flip();
    }

    @Override
    public String toString() {
        return "line " + line + " " + server + " " + direction + " "
                + headerJson.substring(0, Math.min(80, headerJson.length()));
    }
}
