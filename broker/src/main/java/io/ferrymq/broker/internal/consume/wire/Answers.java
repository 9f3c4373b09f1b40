package io.ferrymq.broker.internal.consume.wire;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.HeaderCodec;
import io.ferrymq.protocol.header.broker.ResponseHeaders;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds responses: a code and remark, optionally a typed response header written into {@code
 * extFields} by the protocol's codec for the request code. Stateless and thread-safe.
 */
public final class Answers {
    private Answers() {}

    /** A response with {@code code} and {@code remark}, no header. */
    public static RemotingCommand of(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark);
    }

    /** A SUCCESS response with no header. */
    public static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.successTo(request);
    }

    /** A SUCCESS response carrying {@code body}. */
    public static RemotingCommand success(RemotingCommand request, byte[] body) {
        return RemotingCommand.successTo(request).body(body);
    }

    /** A response whose header is {@code header}, encoded by the codec of the request's code. */
    public static RemotingCommand withHeader(RemotingCommand request, int code, String remark, Record header) {
        RemotingCommand response = RemotingCommand.responseTo(request, code, remark);
        Map<String, String> fields = new HashMap<>();
        encode(ResponseHeaders.codecOf(request.code()), header, fields);
        return response.extFields(fields);
    }

    @SuppressWarnings("unchecked")
    private static <H extends Record> void encode(HeaderCodec<H> codec, Record header, Map<String, String> fields) {
        if (codec == null) {
            throw new IllegalArgumentException("no response header codec for this request code");
        }
        codec.encodeInto((H) header, fields);
    }

    /** A SYSTEM_ERROR response. */
    public static RemotingCommand systemError(RemotingCommand request, String remark) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, remark);
    }
}
