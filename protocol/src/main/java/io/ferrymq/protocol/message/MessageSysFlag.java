package io.ferrymq.protocol.message;

/**
 * The message sysFlag bits (wire-protocol §6.3), carried in the SEND header field {@code f} and in
 * the record's SYSFLAG field.
 *
 * <pre>
 *  bit    value  meaning
 *  0      0x1    body compressed
 *  1      0x2    topic filter type MULTI_TAG
 *  2-3    0xC    transaction type: 0x0 none, 0x4 prepared (half), 0x8 commit, 0xC rollback
 *  4      0x10   born host is IPv6
 *  5      0x20   store host is IPv6
 *  6      0x40   need unwrap (inner batch)
 *  7      0x80   inner batch
 *  8-10   0x700  compression type: 0x100 LZ4, 0x200 ZSTD, 0x300 ZLIB (0 = ZLIB on old clients)
 * </pre>
 *
 * <p>Stateless; safe from any thread.
 */
public final class MessageSysFlag {
    public static final int COMPRESSED_FLAG = 0x1;
    public static final int MULTI_TAGS_FLAG = 0x2;
    public static final int TRANSACTION_NOT_TYPE = 0x0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x4;
    public static final int TRANSACTION_COMMIT_TYPE = 0x8;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0xC;
    public static final int TRANSACTION_TYPE_MASK = 0xC;
    public static final int BORNHOST_V6_FLAG = 0x10;
    public static final int STOREHOSTADDRESS_V6_FLAG = 0x20;
    public static final int NEED_UNWRAP_FLAG = 0x40;
    public static final int INNER_BATCH_FLAG = 0x80;
    public static final int COMPRESSION_LZ4_TYPE = 0x100;
    public static final int COMPRESSION_ZSTD_TYPE = 0x200;
    public static final int COMPRESSION_ZLIB_TYPE = 0x300;
    public static final int COMPRESSION_TYPE_MASK = 0x700;

    private MessageSysFlag() {}

    /** One of the {@code TRANSACTION_*_TYPE} values. */
    public static int transactionType(int sysFlag) {
        return sysFlag & TRANSACTION_TYPE_MASK;
    }

    /** {@code sysFlag} with its transaction type replaced by {@code type}. */
    public static int withTransactionType(int sysFlag, int type) {
        return (sysFlag & ~TRANSACTION_TYPE_MASK) | (type & TRANSACTION_TYPE_MASK);
    }

    public static boolean isCompressed(int sysFlag) {
        return (sysFlag & COMPRESSED_FLAG) != 0;
    }

    /** One of the {@code COMPRESSION_*_TYPE} values, or 0 (which old clients mean as ZLIB). */
    public static int compressionType(int sysFlag) {
        return sysFlag & COMPRESSION_TYPE_MASK;
    }

    public static boolean isBornHostV6(int sysFlag) {
        return (sysFlag & BORNHOST_V6_FLAG) != 0;
    }

    public static boolean isStoreHostV6(int sysFlag) {
        return (sysFlag & STOREHOSTADDRESS_V6_FLAG) != 0;
    }

    public static boolean isInnerBatch(int sysFlag) {
        return (sysFlag & INNER_BATCH_FLAG) != 0;
    }

    /** {@code sysFlag} with the two v6 host bits set to match these address lengths (4 or 16). */
    public static int withHostBits(int sysFlag, int bornAddressLength, int storeAddressLength) {
        int flag = sysFlag & ~(BORNHOST_V6_FLAG | STOREHOSTADDRESS_V6_FLAG);
        if (bornAddressLength == 16) {
            flag |= BORNHOST_V6_FLAG;
        }
        if (storeAddressLength == 16) {
            flag |= STOREHOSTADDRESS_V6_FLAG;
        }
        return flag;
    }
}
