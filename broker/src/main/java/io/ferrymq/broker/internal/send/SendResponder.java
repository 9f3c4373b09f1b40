package io.ferrymq.broker.internal.send;

import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendMessageResponseHeader;
import io.ferrymq.protocol.header.broker.SendResponseHeaderCodec;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.remoting.RemoteChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a send once its append completes, on the completing thread: OK → SUCCESS,
 * FLUSH_DISK_TIMEOUT → 10 (the message is stored), DISK_FULL/UNAVAILABLE → SERVICE_NOT_AVAILABLE,
 * RECORD_TOO_LARGE → MESSAGE_ILLEGAL. Successful answers carry msgId (offset ids, comma-joined for a
 * batch), queueId, queueOffset, transactionId, MSG_REGION and TRACE_ON. Thread-safe.
 */
final class SendResponder {
    private static final Logger LOG = LoggerFactory.getLogger(SendResponder.class);

    private final SendSettings settings;
    private final InFlightSends inFlight;

    SendResponder(SendSettings settings, InFlightSends inFlight) {
        this.settings = settings;
        this.inFlight = inFlight;
    }

    /**
     * Answers {@code request} when {@code append} completes.
     *
     * @param recordSizes the size of each record appended, in order (one for a single send)
     */
    void whenStored(
            RemoteChannel channel,
            RemotingCommand request,
            CompletableFuture<AppendResult> append,
            int queueId,
            String transactionId,
            int[] recordSizes) {
        inFlight.begin();
        append.whenComplete((result, failure) -> {
            try {
                RemotingCommand response = failure != null
                        ? failed(request, failure)
                        : response(request, result, queueId, transactionId, recordSizes);
                if (!request.isOneway()) {
                    channel.writeResponse(response);
                }
            } finally {
                inFlight.end();
            }
        });
    }

    private RemotingCommand response(
            RemotingCommand request, AppendResult result, int queueId, String transactionId, int[] sizes) {
        return switch (result.status()) {
            case OK -> success(request, ResponseCode.SUCCESS, result, queueId, transactionId, sizes);
            case FLUSH_DISK_TIMEOUT ->
                success(request, ResponseCode.FLUSH_DISK_TIMEOUT, result, queueId, transactionId, sizes);
            case DISK_FULL ->
                RemotingCommand.responseTo(
                        request,
                        ResponseCode.SERVICE_NOT_AVAILABLE,
                        "the broker's disk is full: writes are refused until space is freed");
            case UNAVAILABLE ->
                RemotingCommand.responseTo(
                        request,
                        ResponseCode.SERVICE_NOT_AVAILABLE,
                        "the broker's store is unavailable (closing or failed); try another broker");
            case RECORD_TOO_LARGE ->
                RemotingCommand.responseTo(
                        request, ResponseCode.MESSAGE_ILLEGAL, "the message is too large for a commit log segment");
        };
    }

    private RemotingCommand success(
            RemotingCommand request, int code, AppendResult result, int queueId, String transactionId, int[] sizes) {
        SendMessageResponseHeader header = new SendMessageResponseHeader(
                msgIds(result.physicalOffset(), sizes),
                queueId,
                result.queueOffset(),
                transactionId,
                null,
                null,
                settings.regionId(),
                settings.traceOn());
        Map<String, String> fields = new HashMap<>(16);
        SendResponseHeaderCodec.INSTANCE.encodeInto(header, fields);
        return RemotingCommand.responseTo(request, code, null).extFields(fields);
    }

    private String msgIds(long firstOffset, int[] sizes) {
        StoreHost host = settings.storeHost();
        int port = host.port().getAsInt();
        if (sizes.length == 1) {
            return MessageIds.offsetMessageId(host.address(), port, firstOffset);
        }
        StringBuilder ids = new StringBuilder(sizes.length * 33);
        long offset = firstOffset;
        for (int size : sizes) {
            if (ids.length() > 0) {
                ids.append(',');
            }
            ids.append(MessageIds.offsetMessageId(host.address(), port, offset));
            offset += size;
        }
        return ids.toString();
    }

    private static RemotingCommand failed(RemotingCommand request, Throwable failure) {
        LOG.warn("append of request {} failed", request.opaque(), failure);
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "store failure: " + failure);
    }
}
