package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRecordEncoderTest {
    /** The record prefix of wire-protocol §6.1's worked example, spaces removed. */
    static final String WORKED_EXAMPLE_PREFIX = ("000000c9 daa320a7 3610a686 00000001 00000000 0000000000000007"
                    + " 0000000000001000 00000000 0000018bcfe56800 0a000005 0000d431 0000018bcfe56805 7f000001"
                    + " 00002a9f 00000000 0000000000000000 00000005 68656c6c6f 09 546f70696354657374 0060")
            .replace(" ", "");

    static Map<String, String> ninetySixBytesOfProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageProperty.UNIQ_KEY, "7F00000100002A9F0000000000001000");
        properties.put(MessageProperty.WAIT, "true");
        properties.put(MessageProperty.TAGS, "TagA");
        properties.put(MessageProperty.KEYS, "k".repeat(28));
        return properties;
    }

    static EncodableMessage workedExample() throws Exception {
        return EncodableMessage.builder()
                .topic("TopicTest")
                .queueId(1)
                .flag(0)
                .sysFlag(0)
                .bornTimestamp(0x18bcfe56800L)
                .bornHost(new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 54321))
                .storeHost(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 10911))
                .body("hello".getBytes(StandardCharsets.UTF_8))
                .properties(ninetySixBytesOfProperties())
                .build();
    }

    @Test
    void workedExampleMatchesTheDocumentedBytes() throws Exception {
        EncodableMessage message = workedExample();
        assertThat(message.properties()).hasSize(96);
        assertThat(message.recordSize()).isEqualTo(201);
        assertThat(MessageRecordLayout.recordSize(5, 9, 96, 0)).isEqualTo(201);

        ByteBuffer buffer = ByteBuffer.allocate(300);
        buffer.position(10);
        int size = MessageRecordEncoder.encode(buffer, message, 7, 0x1000, 0x18bcfe56805L);

        assertThat(size).isEqualTo(201);
        assertThat(buffer.position()).isEqualTo(211);
        byte[] prefix = new byte[WORKED_EXAMPLE_PREFIX.length() / 2];
        buffer.get(10, prefix);
        assertThat(HexFormat.of().formatHex(prefix)).isEqualTo(WORKED_EXAMPLE_PREFIX);
        assertThat(StoredRecord.validate(buffer, 10, 211)).isEqualTo(201);
    }

    @Test
    void bodyCrcClearsTheTopBitAsApacheDoes() {
        // Apache stored "please-retry" with BODYCRC 0x51265c90 in the capture; plain CRC32 is 0xd1265c90
        byte[] body = "please-retry".getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageRecordLayout.bodyCrc(body, 0, body.length)).isEqualTo(0x51265c90);
        assertThat(MessageRecordLayout.bodyCrc(ByteBuffer.allocateDirect(20).put(3, body), 3, body.length))
                .isEqualTo(0x51265c90);
    }

    @Test
    void encodeAtLeavesThePositionAndWritesIntoDirectBuffers() throws Exception {
        ByteBuffer direct = ByteBuffer.allocateDirect(1000);
        int size = MessageRecordEncoder.encodeAt(direct, 100, workedExample(), 1, 2, 3);
        assertThat(direct.position()).isZero();
        StoredRecord record = new StoredRecord().wrap(direct, 100);
        assertThat(record.totalSize()).isEqualTo(size);
        assertThat(record.queueOffset()).isEqualTo(1);
        assertThat(record.physicalOffset()).isEqualTo(2);
        assertThat(record.storeTimestamp()).isEqualTo(3);
        assertThat(record.verifyBodyCrc()).isTrue();
    }

    @Test
    void aRecordThatDoesNotFitWritesNothing() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(250);
        assertThatThrownBy(() -> MessageRecordEncoder.encodeAt(buffer, 50, workedExample(), 0, 0, 0))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(buffer.array()).containsOnly(0);
        assertThatThrownBy(() -> MessageRecordEncoder.encode(
                        ByteBuffer.allocate(300).order(ByteOrder.LITTLE_ENDIAN), workedExample(), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patchesRewriteTheAppenderFieldsInPlace() throws Exception {
        byte[] v6 = InetAddress.getByName("fd00::2").getAddress();
        EncodableMessage message = EncodableMessage.builder()
                .topic("T")
                .bornHost(v6, 1)
                .body(new byte[] {1, 2, 3})
                .build();
        ByteBuffer buffer = ByteBuffer.allocate(message.recordSize() + 5);
        MessageRecordEncoder.encodeAt(buffer, 5, message, 0, 0, 0);
        MessageRecordEncoder.patchQueueOffset(buffer, 5, 42);
        MessageRecordEncoder.patchPhysicalOffset(buffer, 5, 4242);
        MessageRecordEncoder.patchStoreTimestamp(buffer, 5, 424242);

        StoredRecord record = new StoredRecord().wrap(buffer, 5);
        assertThat(record.queueOffset()).isEqualTo(42);
        assertThat(record.physicalOffset()).isEqualTo(4242);
        assertThat(record.storeTimestamp()).isEqualTo(424242);
        assertThat(buffer.getLong(5 + MessageRecordLayout.STORE_TIMESTAMP_OFFSET + 12))
                .isEqualTo(424242);
        assertThat(record.bornHostPort()).isEqualTo(1);
        assertThat(StoredRecord.validate(buffer, 5, buffer.limit())).isEqualTo(message.recordSize());
    }

    @Test
    void blankRecordsAreSizeAndMagic() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        MessageRecordEncoder.writeBlank(buffer, 16, 48);
        assertThat(buffer.getInt(16)).isEqualTo(48);
        assertThat(buffer.getInt(20)).isEqualTo(MessageRecordLayout.BLANK_MAGIC);
        assertThat(StoredRecord.validate(buffer, 16, 64)).isEqualTo(StoredRecord.BLANK);
        assertThat(new StoredRecord().wrap(buffer, 16).isBlank()).isTrue();
        assertThatThrownBy(() -> MessageRecordEncoder.writeBlank(buffer, 0, 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageRecordEncoder.writeBlank(buffer, 20, 48))
                .isInstanceOf(BufferOverflowException.class);
    }
}
