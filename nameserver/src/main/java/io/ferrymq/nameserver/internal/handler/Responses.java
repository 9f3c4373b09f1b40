package io.ferrymq.nameserver.internal.handler;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.route.JsonBodyCodec;

/** Builds nameserver responses. Stateless. */
final class Responses {
    private Responses() {}

    static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.successTo(request);
    }

    /** SUCCESS with {@code body} encoded as JSON. */
    static RemotingCommand json(RemotingCommand request, Object body) {
        return RemotingCommand.successTo(request).body(JsonBodyCodec.encode(body));
    }

    /** SUCCESS with {@code header} in {@code extFields}. */
    static RemotingCommand withHeader(RemotingCommand request, Record header) {
        return HeaderBinding.encodeInto(RemotingCommand.successTo(request), header);
    }

    static RemotingCommand error(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark);
    }

    static RemotingCommand systemError(RemotingCommand request, String remark) {
        return error(request, ResponseCode.SYSTEM_ERROR, remark);
    }
}
