package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageSysFlagTest {
    @Test
    void capturedCompressedSendFlag() {
        // a 5.x producer sent f=769 for a zlib-compressed body
        assertThat(MessageSysFlag.isCompressed(769)).isTrue();
        assertThat(MessageSysFlag.compressionType(769)).isEqualTo(MessageSysFlag.COMPRESSION_ZLIB_TYPE);
        assertThat(MessageSysFlag.transactionType(769)).isEqualTo(MessageSysFlag.TRANSACTION_NOT_TYPE);
    }

    @Test
    void transactionTypes() {
        assertThat(MessageSysFlag.transactionType(4)).isEqualTo(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        int committed = MessageSysFlag.withTransactionType(4 | 1, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(committed).isEqualTo(8 | 1);
        assertThat(MessageSysFlag.transactionType(committed)).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
    }

    @Test
    void hostBitsFollowAddressLengthsAndShiftTheLayout() {
        int both = MessageSysFlag.withHostBits(0x1, 16, 16);
        assertThat(both).isEqualTo(0x31);
        assertThat(MessageSysFlag.withHostBits(both, 4, 4)).isEqualTo(0x1);
        assertThat(MessageSysFlag.isBornHostV6(both)).isTrue();
        assertThat(MessageSysFlag.isStoreHostV6(both)).isTrue();

        assertThat(MessageRecordLayout.bodyLengthOffset(0)).isEqualTo(84);
        assertThat(MessageRecordLayout.bodyLengthOffset(MessageSysFlag.BORNHOST_V6_FLAG))
                .isEqualTo(96);
        assertThat(MessageRecordLayout.bodyLengthOffset(both)).isEqualTo(108);
        assertThat(MessageRecordLayout.storeTimestampOffset(0)).isEqualTo(56);
        assertThat(MessageRecordLayout.storeTimestampOffset(MessageSysFlag.STOREHOSTADDRESS_V6_FLAG))
                .isEqualTo(56);
        assertThat(MessageRecordLayout.storeTimestampOffset(MessageSysFlag.BORNHOST_V6_FLAG))
                .isEqualTo(68);
        assertThat(MessageRecordLayout.reconsumeTimesOffset(MessageSysFlag.STOREHOSTADDRESS_V6_FLAG))
                .isEqualTo(84);
        assertThat(MessageRecordLayout.preparedTransactionOffsetOffset(0)).isEqualTo(76);
        assertThat(MessageRecordLayout.recordSize(0, 128, 0, 0)).isEqualTo(84 + 4 + 2 + 128 + 2);
        assertThat(MessageRecordLayout.recordSize(0, 127, 0, 0)).isEqualTo(84 + 4 + 1 + 127 + 2);
    }
}
