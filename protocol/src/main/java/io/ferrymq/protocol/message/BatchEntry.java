package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a batch: its flag, and its body and property string as ranges of a shared array
 * (the request body when decoded; nothing is copied). Immutable as long as the array is not changed.
 *
 * @param array the bytes the ranges refer to
 * @param bodyOffset start of the body in {@code array}
 * @param propertiesOffset start of the property string in {@code array}
 */
public record BatchEntry(
        int flag, byte[] array, int bodyOffset, int bodyLength, int propertiesOffset, int propertiesLength) {

    public BatchEntry {
        Objects.requireNonNull(array, "array");
        checkRange(array, bodyOffset, bodyLength, "body");
        checkRange(array, propertiesOffset, propertiesLength, "properties");
        if (propertiesLength > MessageProperties.MAX_LENGTH) {
            throw new IllegalArgumentException("properties of " + propertiesLength + " bytes; at most 32767 allowed");
        }
    }

    /** An entry for encoding: a whole body array and an encoded property string. */
    public static BatchEntry of(int flag, byte[] body, byte[] properties) {
        byte[] array = new byte[body.length + properties.length];
        System.arraycopy(body, 0, array, 0, body.length);
        System.arraycopy(properties, 0, array, body.length, properties.length);
        return new BatchEntry(flag, array, 0, body.length, body.length, properties.length);
    }

    /** A read-only view of the body. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(array, bodyOffset, bodyLength).slice().asReadOnlyBuffer();
    }

    /** A copy of the body. */
    public byte[] bodyBytes() {
        byte[] copy = new byte[bodyLength];
        System.arraycopy(array, bodyOffset, copy, 0, bodyLength);
        return copy;
    }

    /** A copy of the encoded property string. */
    public byte[] propertiesBytes() {
        byte[] copy = new byte[propertiesLength];
        System.arraycopy(array, propertiesOffset, copy, 0, propertiesLength);
        return copy;
    }

    public Map<String, String> properties() {
        return MessageProperties.parse(array, propertiesOffset, propertiesLength);
    }

    /** The value of one property, or null. */
    public String property(String name) {
        return MessageProperties.find(array, propertiesOffset, propertiesLength, name);
    }

    private static void checkRange(byte[] array, int offset, int length, String what) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(
                    what + " range " + offset + "+" + length + " is outside an array of " + array.length);
        }
    }
}
