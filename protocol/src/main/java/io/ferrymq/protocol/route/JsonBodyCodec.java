package io.ferrymq.protocol.route;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes JSON bodies with Fastjson2 the way RocketMQ clients expect: UTF-8, null fields
 * omitted, non-string map keys written as quoted strings ({@code {"0":"host:port"}}). Decoding is
 * lenient: unknown fields are ignored and bare numeric keys are accepted. Stateless and thread-safe.
 */
public final class JsonBodyCodec {
    private JsonBodyCodec() {}

    public static byte[] encode(Object body) {
        return JSON.toJSONString(body, JSONWriter.Feature.WriteNonStringKeyAsString)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code bytes} as {@code type}.
     *
     * @throws IllegalArgumentException when the bytes are not JSON of that shape
     */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        try {
            T value = JSON.parseObject(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException("empty " + type.getSimpleName() + " body");
            }
            return value;
        } catch (JSONException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " body: " + e.getMessage(), e);
        }
    }
}
