package io.ferrymq.protocol.message;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a stored-message record holds except what the appender decides: queue offset, physical
 * offset and store timestamp. Built before the append (topic and properties already UTF-8, body CRC
 * already computed) so that {@link MessageRecordEncoder} only copies bytes inside the critical
 * section.
 *
 * <p>Immutable as far as it goes: the arrays are not copied, and callers must not change them after
 * construction. Safe to share between threads under that rule. The compact constructor checks every
 * length against its field and sets the two v6 bits of {@code sysFlag} from the host address lengths.
 *
 * @param topic topic, UTF-8, at most 32767 bytes
 * @param bornHostAddress 4 or 16 bytes
 * @param storeHostAddress 4 or 16 bytes
 * @param bodyCrc {@link MessageRecordLayout#bodyCrc(byte[], int, int)} of the body range
 * @param properties encoded property string ({@link MessageProperties}), at most 32767 bytes
 */
public record EncodableMessage(
        byte[] topic,
        int queueId,
        int flag,
        int sysFlag,
        long bornTimestamp,
        byte[] bornHostAddress,
        int bornHostPort,
        byte[] storeHostAddress,
        int storeHostPort,
        int reconsumeTimes,
        long preparedTransactionOffset,
        byte[] body,
        int bodyOffset,
        int bodyLength,
        int bodyCrc,
        byte[] properties) {

    public EncodableMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(properties, "properties");
        checkAddress(bornHostAddress, "born");
        checkAddress(storeHostAddress, "store");
        if (bodyOffset < 0 || bodyLength < 0 || bodyOffset > body.length - bodyLength) {
            throw new IllegalArgumentException(
                    "body range " + bodyOffset + "+" + bodyLength + " is outside an array of " + body.length);
        }
        sysFlag = MessageSysFlag.withHostBits(sysFlag, bornHostAddress.length, storeHostAddress.length);
        MessageRecordLayout.recordSize(bodyLength, topic.length, properties.length, sysFlag);
    }

    /** The size of the encoded record. */
    public int recordSize() {
        return MessageRecordLayout.recordSize(bodyLength, topic.length, properties.length, sysFlag);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkAddress(byte[] address, String which) {
        Objects.requireNonNull(address, which + " host address");
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException(which + " host address has " + address.length + " bytes, not 4 or 16");
        }
    }

    static byte[] addressBytes(InetSocketAddress host) {
        if (host.isUnresolved()) {
            throw new IllegalArgumentException("host " + host + " is unresolved");
        }
        return host.getAddress().getAddress();
    }

    /**
     * Collects the fields of an {@link EncodableMessage}; the body CRC is computed at {@link #build()}
     * unless given. Not thread-safe; one builder per message.
     */
    public static final class Builder {
        private static final byte[] EMPTY = new byte[0];
        private static final byte[] ANY_V4 = new byte[4];

        private byte[] topic = EMPTY;
        private int queueId;
        private int flag;
        private int sysFlag;
        private long bornTimestamp;
        private byte[] bornHostAddress = ANY_V4;
        private int bornHostPort;
        private byte[] storeHostAddress = ANY_V4;
        private int storeHostPort;
        private int reconsumeTimes;
        private long preparedTransactionOffset;
        private byte[] body = EMPTY;
        private int bodyOffset;
        private int bodyLength;
        private Integer bodyCrc;
        private byte[] properties = EMPTY;

        private Builder() {}

        public Builder topic(String topic) {
            return topic(topic.getBytes(StandardCharsets.UTF_8));
        }

        public Builder topic(byte[] utf8Topic) {
            this.topic = utf8Topic;
            return this;
        }

        public Builder queueId(int queueId) {
            this.queueId = queueId;
            return this;
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        /** The v6 host bits are ignored; they follow the host addresses. */
        public Builder sysFlag(int sysFlag) {
            this.sysFlag = sysFlag;
            return this;
        }

        public Builder bornTimestamp(long bornTimestampMs) {
            this.bornTimestamp = bornTimestampMs;
            return this;
        }

        public Builder bornHost(InetSocketAddress host) {
            return bornHost(addressBytes(host), host.getPort());
        }

        public Builder bornHost(byte[] address, int port) {
            this.bornHostAddress = address;
            this.bornHostPort = port;
            return this;
        }

        public Builder storeHost(InetSocketAddress host) {
            return storeHost(addressBytes(host), host.getPort());
        }

        public Builder storeHost(byte[] address, int port) {
            this.storeHostAddress = address;
            this.storeHostPort = port;
            return this;
        }

        public Builder reconsumeTimes(int reconsumeTimes) {
            this.reconsumeTimes = reconsumeTimes;
            return this;
        }

        public Builder preparedTransactionOffset(long preparedTransactionOffset) {
            this.preparedTransactionOffset = preparedTransactionOffset;
            return this;
        }

        public Builder body(byte[] body) {
            return body(body, 0, body.length);
        }

        public Builder body(byte[] body, int offset, int length) {
            this.body = body;
            this.bodyOffset = offset;
            this.bodyLength = length;
            return this;
        }

        /** A CRC computed earlier ({@link MessageRecordLayout#bodyCrc(byte[], int, int)}). */
        public Builder bodyCrc(int bodyCrc) {
            this.bodyCrc = bodyCrc;
            return this;
        }

        public Builder properties(byte[] encoded) {
            this.properties = encoded;
            return this;
        }

        /** Properties received as text (SEND header {@code i}). */
        public Builder properties(String encoded) {
            return properties(MessageProperties.toBytes(encoded));
        }

        public Builder properties(Map<String, String> properties) {
            return properties(MessageProperties.encode(properties));
        }

        public EncodableMessage build() {
            if (bodyOffset < 0 || bodyLength < 0 || bodyOffset > body.length - bodyLength) {
                throw new IllegalArgumentException(
                        "body range " + bodyOffset + "+" + bodyLength + " is outside an array of " + body.length);
            }
            int crc = bodyCrc != null ? bodyCrc : MessageRecordLayout.bodyCrc(body, bodyOffset, bodyLength);
            return new EncodableMessage(
                    topic,
                    queueId,
                    flag,
                    sysFlag,
                    bornTimestamp,
                    bornHostAddress,
                    bornHostPort,
                    storeHostAddress,
                    storeHostPort,
                    reconsumeTimes,
                    preparedTransactionOffset,
                    body,
                    bodyOffset,
                    bodyLength,
                    crc,
                    properties);
        }
    }
}
