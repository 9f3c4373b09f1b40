package io.ferrymq.protocol.message;

import java.nio.ByteBuffer;

/** Parses non-negative decimal numbers straight from bytes, without a String. Stateless. */
public final class Decimal {
    private static final long LIMIT = Long.MAX_VALUE / 10;

    private Decimal() {}

    /** The number in {@code bytes[at, at + length)}, or -1 if it is empty, not all digits, or too big. */
    public static long parse(byte[] bytes, int at, int length) {
        if (length <= 0 || length > 19) {
            return -1;
        }
        long value = 0;
        for (int i = at; i < at + length; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value > LIMIT) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value < 0 ? -1 : value;
    }

    /** As {@link #parse(byte[], int, int)}, reading absolute positions of {@code buffer}. */
    public static long parse(ByteBuffer buffer, int at, int length) {
        if (length <= 0 || length > 19) {
            return -1;
        }
        long value = 0;
        for (int i = at; i < at + length; i++) {
            int digit = buffer.get(i) - '0';
            if (digit < 0 || digit > 9 || value > LIMIT) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value < 0 ? -1 : value;
    }
}
