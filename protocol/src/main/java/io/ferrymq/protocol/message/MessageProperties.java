package io.ferrymq.protocol.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message property string (wire-protocol §6.4): UTF-8 {@code name 0x01 value 0x02} repeated.
 *
 * <pre>
 *  | name | 0x01 | value | 0x02 | name | 0x01 | value | 0x02 |   (5.x: trailing 0x02)
 *  | name | 0x01 | value | 0x02 | name | 0x01 | value |          (4.9.x: no trailing 0x02)
 * </pre>
 *
 * <p>Reading follows the client's rule: split on 0x02; a segment counts only if its first 0x01 is
 * strictly inside it (so segments shorter than 3 bytes never count); the name is before that 0x01,
 * the value after it; a later duplicate wins. Neither byte can occur inside a multi-byte UTF-8
 * sequence, so scanning bytes is exact. Encoding writes the 5.x form, at most 32767 bytes.
 *
 * <p>The {@code find}/{@code valueRange}/{@code valueHashCode} lookups read one property straight from
 * the encoded bytes with absolute reads (the buffer's position is not touched), allocating only the
 * returned String. Stateless; safe from any thread as long as the bytes are not being written.
 */
public final class MessageProperties {
    public static final byte NAME_VALUE_SEPARATOR = 1;
    public static final byte PROPERTY_SEPARATOR = 2;
    /** Longest encoded property string, in bytes. */
    public static final int MAX_LENGTH = MessageRecordLayout.MAX_PROPERTIES_LENGTH;
    /** Result of {@link #valueRange} when the property is absent. */
    public static final long NOT_FOUND = -1L;

    private static final byte[] EMPTY = new byte[0];

    private MessageProperties() {}

    /** Parses properties received as text (the SEND header field {@code i}). */
    public static Map<String, String> parse(String properties) {
        Map<String, String> map = new LinkedHashMap<>();
        if (properties == null) {
            return map;
        }
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int separator = properties.indexOf(NAME_VALUE_SEPARATOR, start);
            if (separator > start && separator < end - 1) {
                map.put(properties.substring(start, separator), properties.substring(separator + 1, end));
            }
            start = end + 1;
        }
        return map;
    }

    public static Map<String, String> parse(byte[] bytes, int offset, int length) {
        return parse(ByteBuffer.wrap(bytes), offset, length);
    }

    /** Parses the {@code length} bytes at absolute {@code position}. */
    public static Map<String, String> parse(ByteBuffer buffer, int position, int length) {
        Map<String, String> map = new LinkedHashMap<>();
        int end = position + length;
        int start = position;
        while (start < end) {
            int segmentEnd = indexOf(buffer, start, end, PROPERTY_SEPARATOR);
            int separator = indexOf(buffer, start, segmentEnd, NAME_VALUE_SEPARATOR);
            if (separator > start && separator < segmentEnd - 1) {
                map.put(
                        Utf8Bytes.string(buffer, start, separator - start),
                        Utf8Bytes.string(buffer, separator + 1, segmentEnd - separator - 1));
            }
            start = segmentEnd + 1;
        }
        return map;
    }

    /**
     * The value of {@code name} in the encoded bytes, as {@code (position << 32) | length} with an
     * absolute position, or {@link #NOT_FOUND}. Allocates nothing for ASCII names.
     */
    public static long valueRange(ByteBuffer buffer, int position, int length, String name) {
        if (buffer.isDirect() && length > 0) {
            // a stored record lives in mapped memory, where each single-byte read is a bounds-checked
            // off-heap access: copy the properties once and scan the copy
            ByteBuffer copy = HeapScratch.copyOf(buffer, position, length);
            long found = scan(copy, 0, length, name);
            return found == NOT_FOUND ? NOT_FOUND : found + ((long) position << 32);
        }
        return scan(buffer, position, length, name);
    }

    private static long scan(ByteBuffer buffer, int position, int length, String name) {
        long found = NOT_FOUND;
        int end = position + length;
        int start = position;
        while (start < end) {
            int segmentEnd = indexOf(buffer, start, end, PROPERTY_SEPARATOR);
            int separator = indexOf(buffer, start, segmentEnd, NAME_VALUE_SEPARATOR);
            if (separator > start
                    && separator < segmentEnd - 1
                    && Utf8Bytes.equals(buffer, start, separator - start, name)) {
                found = ((long) (separator + 1) << 32) | (segmentEnd - separator - 1);
            }
            start = segmentEnd + 1;
        }
        return found;
    }

    /** Absolute position of a {@link #valueRange} result. */
    public static int rangePosition(long range) {
        return (int) (range >>> 32);
    }

    /** Length of a {@link #valueRange} result. */
    public static int rangeLength(long range) {
        return (int) range;
    }

    /** The value of {@code name}, or null when absent. */
    public static String find(ByteBuffer buffer, int position, int length, String name) {
        long range = valueRange(buffer, position, length, name);
        return range == NOT_FOUND ? null : Utf8Bytes.string(buffer, rangePosition(range), rangeLength(range));
    }

    public static String find(byte[] bytes, int offset, int length, String name) {
        return find(ByteBuffer.wrap(bytes), offset, length, name);
    }

    /** The value of {@code name} in properties received as text, or null when absent. */
    public static String find(String properties, String name) {
        if (properties == null) {
            return null;
        }
        String found = null;
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int separator = properties.indexOf(NAME_VALUE_SEPARATOR, start);
            if (separator > start
                    && separator < end - 1
                    && separator - start == name.length()
                    && properties.startsWith(name, start)) {
                found = properties.substring(separator + 1, end);
            }
            start = end + 1;
        }
        return found;
    }

    /**
     * {@code String.hashCode()} of the value of {@code name}, or 0 when absent: the consume-queue
     * tags code when {@code name} is {@link MessageProperty#TAGS}. No allocation for ASCII values.
     */
    public static int valueHashCode(ByteBuffer buffer, int position, int length, String name) {
        long range = valueRange(buffer, position, length, name);
        return range == NOT_FOUND ? 0 : Utf8Bytes.hashCode(buffer, rangePosition(range), rangeLength(range));
    }

    /**
     * Encodes in the 5.x form, trailing 0x02 included.
     *
     * @throws IllegalArgumentException if a name is empty, a name or value holds 0x01 or 0x02, or the
     *     result exceeds 32767 bytes
     */
    public static byte[] encode(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * properties.size());
        for (Map.Entry<String, String> property : properties.entrySet()) {
            writeProperty(out, property.getKey(), property.getValue());
        }
        return checkLength(out.toByteArray());
    }

    public static String encodeToString(Map<String, String> properties) {
        return new String(encode(properties), StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 bytes of properties received as text, to be stored as they are.
     *
     * @throws IllegalArgumentException if they exceed 32767 bytes
     */
    public static byte[] toBytes(String properties) {
        return properties == null || properties.isEmpty()
                ? EMPTY
                : checkLength(properties.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code encoded} with one more property at its end, which overrides an earlier one of the same
     * name. Adds the 0x02 a 4.9.x-form string lacks first.
     *
     * @throws IllegalArgumentException as {@link #encode}
     */
    public static byte[] append(byte[] encoded, String name, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + name.length() + value.length() + 4);
        out.writeBytes(encoded);
        if (encoded.length > 0 && encoded[encoded.length - 1] != PROPERTY_SEPARATOR) {
            out.write(PROPERTY_SEPARATOR);
        }
        writeProperty(out, name, value);
        return checkLength(out.toByteArray());
    }

    private static void writeProperty(ByteArrayOutputStream out, String name, String value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("property names must be non-empty and values non-null: " + name);
        }
        check(name, "name");
        check(value, "value of " + name);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(NAME_VALUE_SEPARATOR);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(PROPERTY_SEPARATOR);
    }

    private static void check(String text, String what) {
        if (text.indexOf(NAME_VALUE_SEPARATOR) >= 0 || text.indexOf(PROPERTY_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("property " + what + " must not contain 0x01 or 0x02");
        }
    }

    private static byte[] checkLength(byte[] bytes) {
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "message properties encode to " + bytes.length + " bytes; at most " + MAX_LENGTH + " are allowed");
        }
        return bytes;
    }

    /** Index of the first {@code value} in [from, to), or {@code to}. */
    private static int indexOf(ByteBuffer buffer, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (buffer.get(i) == value) {
                return i;
            }
        }
        return to;
    }
}
