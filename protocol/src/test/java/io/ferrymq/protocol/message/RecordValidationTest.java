package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordValidationTest {
    private static final int AT = 8;

    private ByteBuffer buffer;
    private int size;
    private int end;

    @BeforeEach
    void writeOneRecord() {
        EncodableMessage message = EncodableMessage.builder()
                .topic("TopicTest")
                .body("hello world".getBytes(StandardCharsets.UTF_8))
                .properties(Map.of(MessageProperty.TAGS, "TagA"))
                .build();
        size = message.recordSize();
        buffer = ByteBuffer.allocate(AT + size + 64);
        end = AT + size;
        MessageRecordEncoder.encodeAt(buffer, AT, message, 0, AT, 1);
    }

    private RecordDefect defect() {
        int result = StoredRecord.validate(buffer, AT, end);
        assertThat(result).isNegative();
        return RecordDefect.of(result);
    }

    @Test
    void aSoundRecordReturnsItsSize() {
        assertThat(StoredRecord.validate(buffer, AT, end)).isEqualTo(size);
        assertThat(StoredRecord.validate(buffer, AT, buffer.limit())).isEqualTo(size);
    }

    @Test
    void aFlippedBodyByteFailsTheCrc() {
        int body = new StoredRecord().wrap(buffer, AT).bodyPosition();
        buffer.put(body + 3, (byte) (buffer.get(body + 3) ^ 0x01));
        assertThat(defect()).isEqualTo(RecordDefect.BODY_CRC_MISMATCH);
        assertThat(new StoredRecord().wrap(buffer, AT).verifyBodyCrc()).isFalse();
    }

    @Test
    void aFlippedCrcFailsTheCrc() {
        buffer.putInt(AT + MessageRecordLayout.BODY_CRC_OFFSET, 12345);
        assertThat(defect()).isEqualTo(RecordDefect.BODY_CRC_MISMATCH);
    }

    @Test
    void badMagic() {
        buffer.putInt(AT + MessageRecordLayout.MAGIC_OFFSET, 0xDAA320A8);
        assertThat(defect()).isEqualTo(RecordDefect.BAD_MAGIC);
    }

    @Test
    void sizeTooSmall() {
        buffer.putInt(AT, MessageRecordLayout.MIN_RECORD_SIZE - 1);
        assertThat(defect()).isEqualTo(RecordDefect.SIZE_TOO_SMALL);
    }

    @Test
    void sizeTooLarge() {
        buffer.putInt(AT, MessageRecordLayout.DEFAULT_MAX_RECORD_SIZE + 1);
        assertThat(defect()).isEqualTo(RecordDefect.SIZE_TOO_LARGE);
        buffer.putInt(AT, size);
        assertThat(StoredRecord.validate(buffer, AT, end, size - 1)).isEqualTo(RecordDefect.SIZE_TOO_LARGE.code());
    }

    @Test
    void truncatedRecords() {
        for (int cut : new int[] {end - 1, AT + 100, AT + 9, AT + 7}) {
            assertThat(RecordDefect.of(StoredRecord.validate(buffer, AT, cut)))
                    .as("cut at %d", cut)
                    .isEqualTo(RecordDefect.TRUNCATED);
        }
        assertThat(StoredRecord.validate(buffer, AT, AT - 1)).isEqualTo(RecordDefect.TRUNCATED.code());
    }

    @Test
    void lengthsThatDoNotAddUp() {
        // a larger TOTALSIZE with room in the buffer: the inner lengths no longer reach it
        buffer.putInt(AT, size + 1);
        assertThat(StoredRecord.validate(buffer, AT, end + 1)).isEqualTo(RecordDefect.LENGTH_MISMATCH.code());
        buffer.putInt(AT, size);

        int bodyLengthAt = AT + MessageRecordLayout.FIXED_PART;
        buffer.putInt(bodyLengthAt, -1);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
        buffer.putInt(bodyLengthAt, size);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
        buffer.putInt(bodyLengthAt, 12);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
        buffer.putInt(bodyLengthAt, 11);

        int topicLengthAt = bodyLengthAt + 4 + 11;
        buffer.put(topicLengthAt, (byte) 10);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
        buffer.put(topicLengthAt, (byte) -1);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
        buffer.put(topicLengthAt, (byte) 9);

        int propertiesLengthAt = topicLengthAt + 1 + 9;
        buffer.putShort(propertiesLengthAt, (short) (buffer.getShort(propertiesLengthAt) - 1));
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
    }

    @Test
    void aV6FlagOnAV4RecordShiftsEveryLength() {
        buffer.putInt(AT + MessageRecordLayout.SYS_FLAG_OFFSET, MessageSysFlag.BORNHOST_V6_FLAG);
        assertThat(defect()).isEqualTo(RecordDefect.LENGTH_MISMATCH);
    }

    @Test
    void zeroFilledSpaceIsEmpty() {
        assertThat(StoredRecord.validate(buffer, end, buffer.limit())).isEqualTo(RecordDefect.EMPTY.code());
        assertThat(StoredRecord.validate(buffer, buffer.limit() - 3, buffer.limit()))
                .isEqualTo(RecordDefect.EMPTY.code());
        assertThat(StoredRecord.validate(buffer, buffer.limit(), buffer.limit()))
                .isEqualTo(RecordDefect.EMPTY.code());
    }

    @Test
    void blankRecords() {
        MessageRecordEncoder.writeBlank(buffer, end, buffer.limit() - end);
        assertThat(StoredRecord.validate(buffer, end, buffer.limit())).isEqualTo(StoredRecord.BLANK);
        assertThat(StoredRecord.validate(buffer, end, buffer.limit() - 1)).isEqualTo(RecordDefect.TRUNCATED.code());
        buffer.putInt(end, 4);
        assertThat(StoredRecord.validate(buffer, end, buffer.limit())).isEqualTo(RecordDefect.SIZE_TOO_SMALL.code());
    }

    @Test
    void defectCodesMapBack() {
        for (RecordDefect defect : RecordDefect.values()) {
            assertThat(defect.code()).isNegative();
            assertThat(RecordDefect.of(defect.code())).isEqualTo(defect);
        }
        assertThatThrownBy(() -> RecordDefect.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordDefect.of(-100)).isInstanceOf(IllegalArgumentException.class);
    }
}
