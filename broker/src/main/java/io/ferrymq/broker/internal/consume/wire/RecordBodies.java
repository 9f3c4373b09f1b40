package io.ferrymq.broker.internal.consume.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Concatenates stored records (read-only views of the commit log) into one response body, the way
 * PULL_MESSAGE and QUERY_MESSAGE answer: no padding, in the given order. The bytes are copied once
 * because a {@code RemotingCommand} body is a {@code byte[]}. Stateless and thread-safe.
 */
public final class RecordBodies {
    private RecordBodies() {}

    /** The records' bytes back to back; each buffer is read with absolute gets (never moved). */
    public static byte[] concat(List<ByteBuffer> records) {
        int total = 0;
        for (ByteBuffer record : records) {
            total += record.remaining();
        }
        byte[] body = new byte[total];
        int at = 0;
        for (ByteBuffer record : records) {
            int length = record.remaining();
            record.get(record.position(), body, at, length);
            at += length;
        }
        return body;
    }

    /** One record's bytes. */
    public static byte[] copy(ByteBuffer record) {
        byte[] body = new byte[record.remaining()];
        record.get(record.position(), body);
        return body;
    }
}
