package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.RemotingCommand;

/**
 * A send refused before anything was stored: the response code and a remark saying why. Carries no
 * stack trace (it is an answer, not a fault). Immutable.
 */
final class SendRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;

    SendRejection(int code, String remark) {
        super(remark, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    RemotingCommand responseTo(RemotingCommand request) {
        return RemotingCommand.responseTo(request, code, getMessage());
    }
}
