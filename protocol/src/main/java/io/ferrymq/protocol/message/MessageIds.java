package io.ferrymq.protocol.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The offset message id (wire-protocol §6.6), the {@code msgId} of a send response and what
 * END_TRANSACTION and VIEW_MESSAGE_BY_ID resolve. Upper-case hex of:
 *
 * <pre>
 *  | store host address (4 or 16 bytes) | store host port int32 | physical offset int64 |
 * </pre>
 *
 * 32 characters for IPv4, 56 for IPv6; decoders take exactly 32 characters to mean IPv4.
 *
 * <p>Stateless; safe from any thread.
 */
public final class MessageIds {
    /** Length of an offset message id with an IPv4 store host. */
    public static final int IPV4_ID_LENGTH = 32;
    /** Length of an offset message id with an IPv6 store host. */
    public static final int IPV6_ID_LENGTH = 56;

    private MessageIds() {}

    public static String offsetMessageId(InetSocketAddress storeHost, long physicalOffset) {
        return offsetMessageId(EncodableMessage.addressBytes(storeHost), storeHost.getPort(), physicalOffset);
    }

    /** @param storeHostAddress 4 or 16 bytes */
    public static String offsetMessageId(byte[] storeHostAddress, int port, long physicalOffset) {
        return offsetMessageId(ByteBuffer.wrap(storeHostAddress), 0, storeHostAddress.length, port, physicalOffset);
    }

    /** The id for the address of {@code addressLength} (4 or 16) bytes at absolute {@code at}. */
    static String offsetMessageId(ByteBuffer buffer, int at, int addressLength, int port, long physicalOffset) {
        if (addressLength != 4 && addressLength != 16) {
            throw new IllegalArgumentException("store host address has " + addressLength + " bytes, not 4 or 16");
        }
        char[] id = new char[2 * (addressLength + 12)];
        int pos = 0;
        for (int i = 0; i < addressLength; i++) {
            pos = HexDigits.put(id, pos, buffer.get(at + i), 1);
        }
        pos = HexDigits.put(id, pos, port, 4);
        HexDigits.put(id, pos, physicalOffset, 8);
        return new String(id);
    }

    /**
     * Decodes an offset message id: exactly 32 characters mean an IPv4 store host, 56 an IPv6 one.
     *
     * @throws IllegalArgumentException for any other length or a non-hex character
     */
    public static OffsetMessageId decodeOffsetMessageId(String id) {
        int addressLength;
        if (id.length() == IPV4_ID_LENGTH) {
            addressLength = 4;
        } else if (id.length() == IPV6_ID_LENGTH) {
            addressLength = 16;
        } else {
            throw new IllegalArgumentException(
                    "an offset message id has 32 or 56 hex characters, not " + id.length() + ": " + id);
        }
        byte[] address = new byte[addressLength];
        for (int i = 0; i < addressLength; i++) {
            address[i] = (byte) HexDigits.get(id, 2 * i, 1);
        }
        int port = (int) HexDigits.get(id, 2 * addressLength, 4);
        long offset = HexDigits.get(id, 2 * addressLength + 8, 8);
        try {
            return new OffsetMessageId(new InetSocketAddress(InetAddress.getByAddress(address), port), offset);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad offset message id " + id + ": " + e.getMessage(), e);
        }
    }
}
