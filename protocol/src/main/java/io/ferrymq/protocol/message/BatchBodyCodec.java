package io.ferrymq.protocol.message;

import static io.ferrymq.protocol.message.BatchRecordLayout.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SEND_BATCH_MESSAGE body ({@link BatchRecordLayout}) into its messages without copying,
 * and builds such bodies (for FerryMQ's client and tests).
 *
 * <p>Stateless; safe from any thread.
 */
public final class BatchBodyCodec {
    private BatchBodyCodec() {}

    public static List<BatchEntry> decode(byte[] body) {
        return decode(body, 0, body.length);
    }

    /**
     * The messages of the batch in {@code body[offset, offset + length)}, as views over {@code body}.
     *
     * @throws MalformedBatchException if a record is cut short, its TOTALSIZE disagrees with its body
     *     and properties lengths, or a length is negative; or the batch is empty
     */
    public static List<BatchEntry> decode(byte[] body, int offset, int length) {
        if (offset < 0 || length < 0 || offset > body.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside " + body.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        List<BatchEntry> entries = new ArrayList<>();
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int index = entries.size();
            int remaining = end - at;
            if (remaining < OVERHEAD) {
                throw malformed(index, at, "only " + remaining + " bytes left, a record needs at least " + OVERHEAD);
            }
            int totalSize = buffer.getInt(at + TOTAL_SIZE_OFFSET);
            if (totalSize < OVERHEAD || totalSize > remaining) {
                throw malformed(index, at, "TOTALSIZE " + totalSize + " with " + remaining + " bytes left");
            }
            int bodyLength = buffer.getInt(at + BODY_LENGTH_OFFSET);
            if (bodyLength < 0 || bodyLength > totalSize - OVERHEAD) {
                throw malformed(index, at, "body length " + bodyLength + " in a record of " + totalSize);
            }
            int propertiesLength = buffer.getShort(at + BODY_OFFSET + bodyLength);
            if (propertiesLength < 0 || OVERHEAD + bodyLength + propertiesLength != totalSize) {
                throw malformed(
                        index,
                        at,
                        "TOTALSIZE " + totalSize + " but body " + bodyLength + " + properties " + propertiesLength
                                + " + " + OVERHEAD);
            }
            int propertiesOffset = at + BODY_OFFSET + bodyLength + 2;
            entries.add(new BatchEntry(
                    buffer.getInt(at + FLAG_OFFSET),
                    body,
                    at + BODY_OFFSET,
                    bodyLength,
                    propertiesOffset,
                    propertiesLength));
            at += totalSize;
        }
        if (entries.isEmpty()) {
            throw new MalformedBatchException("batch body holds no message");
        }
        return entries;
    }

    /** A batch body holding {@code entries} in order. */
    public static byte[] encode(List<BatchEntry> entries) {
        long size = 0;
        for (BatchEntry entry : entries) {
            size += recordSize(entry.bodyLength(), entry.propertiesLength());
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + size + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        for (BatchEntry entry : entries) {
            out.putInt(recordSize(entry.bodyLength(), entry.propertiesLength()));
            out.putInt(0);
            out.putInt(0);
            out.putInt(entry.flag());
            out.putInt(entry.bodyLength());
            out.put(entry.array(), entry.bodyOffset(), entry.bodyLength());
            out.putShort((short) entry.propertiesLength());
            out.put(entry.array(), entry.propertiesOffset(), entry.propertiesLength());
        }
        return out.array();
    }

    private static MalformedBatchException malformed(int index, int at, String what) {
        return new MalformedBatchException("malformed batch body: message " + index + " at byte " + at + ": " + what);
    }
}
