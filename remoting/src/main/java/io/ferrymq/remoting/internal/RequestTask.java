package io.ferrymq.remoting.internal;

import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request through its handler on the handler's executor and sends what it returns. A
 * handler failure becomes an error response; the connection stays. Used by one thread.
 */
final class RequestTask implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestTask.class);

    private final NettyRemoteChannel channel;
    private final RemotingCommand request;
    private final RequestHandler handler;

    RequestTask(NettyRemoteChannel channel, RemotingCommand request, RequestHandler handler) {
        this.channel = channel;
        this.request = request;
        this.handler = handler;
    }

    @Override
    public void run() {
        RemotingCommand response;
        try {
            response = handler.handle(channel, request);
        } catch (InvalidHeaderException e) {
            LOG.debug("invalid header from {} in {}: {}", channel.remoteAddress(), request, e.getMessage());
            response = RemotingCommand.responseTo(request, ResponseCode.INVALID_PARAMETER, e.getMessage());
        } catch (Exception e) {
            LOG.warn("handler of request {} from {} failed", request.code(), channel.remoteAddress(), e);
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.toString());
        }
        if (response != null) {
            Replies.send(channel, request, response);
        }
    }
}
