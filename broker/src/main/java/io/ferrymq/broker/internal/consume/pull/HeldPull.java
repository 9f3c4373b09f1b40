package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.PullMessageRequestHeader;
import io.ferrymq.remoting.RemoteChannel;

/**
 * A pull with nothing to return, parked until its queue gets a message or {@code deadlineMs}. Holds
 * no thread: only what is needed to re-read and answer later on {@code channel}. Immutable.
 */
public record HeldPull(
        RemoteChannel channel,
        RemotingCommand request,
        PullMessageRequestHeader header,
        TagExpression expression,
        long deadlineMs) {}
