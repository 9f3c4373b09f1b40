package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.PullMessageResponseHeader;
import io.ferrymq.protocol.header.broker.PullResponseHeaderCodec;
import java.util.HashMap;
import java.util.Map;

/**
 * The outcome of one queue read in pull-response terms: code (0, 19, 20 or 21), the store status as
 * remark, the header's offsets and the body. Immutable.
 */
public record PullAnswer(int code, String remark, long nextBeginOffset, long minOffset, long maxOffset, byte[] body) {

    public boolean isNotFound() {
        return code == ResponseCode.PULL_NOT_FOUND;
    }

    /** The response to {@code request}; the four required header fields are always present (G2). */
    public RemotingCommand toResponse(RemotingCommand request) {
        Map<String, String> fields = new HashMap<>(8);
        PullResponseHeaderCodec.INSTANCE.encodeInto(
                new PullMessageResponseHeader(0, nextBeginOffset, minOffset, maxOffset, null, 0, 0, null), fields);
        return RemotingCommand.responseTo(request, code, remark)
                .extFields(fields)
                .body(body);
    }
}
