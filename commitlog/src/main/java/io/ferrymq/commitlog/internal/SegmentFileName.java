package io.ferrymq.commitlog.internal;

import java.util.OptionalLong;

/**
 * Segment file names: the segment's start offset as 20 decimal digits ({@code %020d}), so names sort
 * in log order. Stateless.
 */
final class SegmentFileName {
    static final int DIGITS = 20;

    private SegmentFileName() {}

    static String of(long startOffset) {
        return String.format("%020d", startOffset);
    }

    /** The start offset a file name stands for, or empty when the name is not a segment's. */
    static OptionalLong parse(String name) {
        if (name.length() != DIGITS) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < DIGITS; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(name));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
