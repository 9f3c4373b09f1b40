package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Comparisons, hashes and decoding of UTF-8 byte ranges inside a buffer, without allocating for the
 * ASCII case that protocol names and almost all tags are. Absolute reads; buffer positions are not
 * touched. Stateless.
 */
final class Utf8Bytes {
    private Utf8Bytes() {}

    /** Whether the {@code length} bytes at {@code position} are the UTF-8 encoding of {@code text}. */
    static boolean equals(ByteBuffer buffer, int position, int length, String text) {
        int chars = text.length();
        if (chars == length) {
            // equal counts: only a pure-ASCII text can match, byte for char
            for (int i = 0; i < chars; i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || buffer.get(position + i) != (byte) c) {
                    return false;
                }
            }
            return true;
        }
        // UTF-8 is never shorter than the UTF-16 char count; longer only for non-ASCII text
        if (chars > length || isAscii(text)) {
            return false;
        }
        return equals(buffer, position, length, text.getBytes(StandardCharsets.UTF_8));
    }

    static boolean equals(ByteBuffer buffer, int position, int length, byte[] bytes) {
        if (bytes.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer.get(position + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code String.hashCode()} of the decoded range; no allocation when the range is ASCII. */
    static int hashCode(ByteBuffer buffer, int position, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            byte b = buffer.get(position + i);
            if (b < 0) {
                return string(buffer, position, length).hashCode();
            }
            hash = 31 * hash + b;
        }
        return hash;
    }

    static String string(ByteBuffer buffer, int position, int length) {
        if (buffer.hasArray()) {
            return new String(buffer.array(), buffer.arrayOffset() + position, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[length];
        buffer.get(position, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
