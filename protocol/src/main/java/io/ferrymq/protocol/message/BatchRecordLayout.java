package io.ferrymq.protocol.message;

/**
 * One message inside a SEND_BATCH_MESSAGE request body (wire-protocol §6.7); the body is these
 * records concatenated. All integers are big-endian.
 *
 * <pre>
 *  offset size  field
 *  0      4     TOTALSIZE    this record, this field included: 22 + n + p
 *  4      4     MAGICCODE    0, unused
 *  8      4     BODYCRC      0, unused
 *  12     4     FLAG         user flag
 *  16     4     BODY length n
 *  20     n     BODY
 *  20+n   2     PROPERTIES length p (int16)
 *  22+n   p     PROPERTIES   this message's own, UNIQ_KEY included ({@link MessageProperties})
 * </pre>
 *
 * <p>Constants and pure functions; safe from any thread.
 */
public final class BatchRecordLayout {
    public static final int TOTAL_SIZE_OFFSET = 0;
    public static final int MAGIC_OFFSET = 4;
    public static final int BODY_CRC_OFFSET = 8;
    public static final int FLAG_OFFSET = 12;
    public static final int BODY_LENGTH_OFFSET = 16;
    public static final int BODY_OFFSET = 20;
    /** Bytes of a record besides its body and properties. */
    public static final int OVERHEAD = BODY_OFFSET + 2;

    private BatchRecordLayout() {}

    /** The size of one batch record. */
    public static int recordSize(int bodyLength, int propertiesLength) {
        return OVERHEAD + bodyLength + propertiesLength;
    }
}
