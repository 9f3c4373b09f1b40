package io.ferrymq.protocol.message;

/** Upper-case hex of big-endian integers and back, into and out of char arrays. Stateless. */
final class HexDigits {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private HexDigits() {}

    /** Writes the low {@code bytes} bytes of {@code value}, big-endian, as {@code 2 * bytes} digits. */
    static int put(char[] dst, int at, long value, int bytes) {
        for (int i = bytes * 2 - 1; i >= 0; i--) {
            dst[at + i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return at + bytes * 2;
    }

    /** Reads {@code 2 * bytes} digits (either case) at {@code at} as a big-endian integer. */
    static long get(CharSequence text, int at, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes * 2; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("not a hex digit at " + (at + i) + " in " + text);
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
