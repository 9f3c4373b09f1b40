package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;

/**
 * Sends responses the way the protocol requires: never to a oneway request, always with the
 * response flag, the request's opaque, and a JSON header whatever the request used. Stateless.
 */
public final class Replies {
    static final String BUSY_REMARK = "[REJECTREQUEST]system busy";

    private Replies() {}

    /** Sends {@code response} as the answer to {@code request}, unless the request was oneway. */
    public static void send(NettyRemoteChannel channel, RemotingCommand request, RemotingCommand response) {
        if (request.isOneway()) {
            return;
        }
        channel.writeResponse(response.opaque(request.opaque()));
    }

    static void notSupported(NettyRemoteChannel channel, RemotingCommand request) {
        String remark = " request type " + request.code() + " not supported";
        send(channel, request, RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, remark));
    }

    static void busy(NettyRemoteChannel channel, RemotingCommand request) {
        send(channel, request, RemotingCommand.responseTo(request, ResponseCode.SYSTEM_BUSY, BUSY_REMARK));
    }
}
