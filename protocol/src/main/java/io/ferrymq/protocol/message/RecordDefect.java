package io.ferrymq.protocol.message;

/**
 * Why {@link StoredRecord#validate} refused the bytes at a position, each with the negative code
 * {@code validate} returns, so recovery can log what it dropped.
 *
 * <p>Immutable; safe from any thread.
 */
public enum RecordDefect {
    /** TOTALSIZE and MAGIC are both 0: never-written (zero-filled) space, the normal end of data. */
    EMPTY(-1),
    /** Fewer bytes remain than the header or the record's TOTALSIZE needs: a torn write. */
    TRUNCATED(-2),
    /** MAGIC is neither a message magic nor the blank magic. */
    BAD_MAGIC(-3),
    /** TOTALSIZE is below the smallest possible record. */
    SIZE_TOO_SMALL(-4),
    /** TOTALSIZE is above the allowed maximum. */
    SIZE_TOO_LARGE(-5),
    /** Body, topic and properties lengths do not add up to TOTALSIZE. */
    LENGTH_MISMATCH(-6),
    /** The body does not match BODYCRC. */
    BODY_CRC_MISMATCH(-7);

    private static final RecordDefect[] BY_CODE = values();

    private final int code;

    RecordDefect(int code) {
        this.code = code;
    }

    /** The negative value {@link StoredRecord#validate} returns for this defect. */
    public int code() {
        return code;
    }

    /**
     * The defect a negative {@code validate} result stands for.
     *
     * @throws IllegalArgumentException if {@code code} is not a defect code
     */
    public static RecordDefect of(int code) {
        int index = -code - 1;
        if (index < 0 || index >= BY_CODE.length) {
            throw new IllegalArgumentException("not a record defect code: " + code);
        }
        return BY_CODE[index];
    }
}
