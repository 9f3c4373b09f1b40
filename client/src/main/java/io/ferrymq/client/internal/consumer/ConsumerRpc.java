package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.client.internal.WireBodies.ConsumerIdList;
import io.ferrymq.client.internal.WireBodies.LockBatchRequest;
import io.ferrymq.client.internal.WireBodies.LockBatchResult;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.broker.BoundaryType;
import io.ferrymq.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import io.ferrymq.protocol.header.broker.GetConsumerListByGroupRequestHeader;
import io.ferrymq.protocol.header.broker.GetMaxOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.GetMinOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.QueryConsumerOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.QueryConsumerOffsetResponseHeader;
import io.ferrymq.protocol.header.broker.SearchOffsetRequestHeader;
import io.ferrymq.protocol.header.broker.UpdateConsumerOffsetRequestHeader;
import io.ferrymq.protocol.route.JsonBodyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The broker calls a consumer makes besides pulling (wire-protocol §4.5–4.7, §4.10), typed; the
 * admin's queue-offset queries use them too. Thread-safe.
 */
public final class ConsumerRpc {
    private static final long TIMEOUT_MS = 5000;
    private static final long LOCK_TIMEOUT_MS = 1000;

    private final Rpc rpc;

    public ConsumerRpc(Rpc rpc) {
        this.rpc = rpc;
    }

    public Rpc rpc() {
        return rpc;
    }

    /** QUERY_CONSUMER_OFFSET: the stored offset, or -1 when the broker has none (22). */
    public long queryConsumerOffset(String addr, String group, MessageQueue queue) {
        RemotingCommand request = Rpc.request(
                RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), null, queue.brokerName()));
        return rpc.callFound(addr, request, TIMEOUT_MS, ResponseCode.QUERY_NOT_FOUND)
                .map(response -> HeaderBinding.decode(response, QueryConsumerOffsetResponseHeader.class)
                        .offset())
                .orElse(-1L);
    }

    /** UPDATE_CONSUMER_OFFSET, oneway when {@code oneway}, else waiting for SUCCESS. */
    public void updateConsumerOffset(String addr, String group, MessageQueue queue, long offset, boolean oneway) {
        RemotingCommand request = Rpc.request(
                RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(
                        group, queue.topic(), queue.queueId(), offset, queue.brokerName()));
        if (oneway) {
            rpc.oneway(addr, request);
        } else {
            rpc.callOk(addr, request, TIMEOUT_MS);
        }
    }

    /** GET_MAX_OFFSET: the next offset to be written. */
    public long maxOffset(String addr, MessageQueue queue) {
        RemotingCommand request = Rpc.request(
                RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(queue.topic(), queue.queueId(), true, queue.brokerName()));
        return offsetOf(rpc.callOk(addr, request, TIMEOUT_MS));
    }

    /** GET_MIN_OFFSET: the oldest offset still stored. */
    public long minOffset(String addr, MessageQueue queue) {
        RemotingCommand request = Rpc.request(
                RequestCode.GET_MIN_OFFSET,
                new GetMinOffsetRequestHeader(queue.topic(), queue.queueId(), queue.brokerName()));
        return offsetOf(rpc.callOk(addr, request, TIMEOUT_MS));
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP with LOWER boundary. */
    public long searchOffset(String addr, MessageQueue queue, long timestampMs) {
        RemotingCommand request = Rpc.request(
                RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(
                        queue.topic(), queue.queueId(), timestampMs, BoundaryType.LOWER, queue.brokerName()));
        return offsetOf(rpc.callOk(addr, request, TIMEOUT_MS));
    }

    /** GET_CONSUMER_LIST_BY_GROUP: the group's client ids this broker knows, sorted. */
    public List<String> consumerIds(String addr, String group) {
        RemotingCommand request = Rpc.request(
                RequestCode.GET_CONSUMER_LIST_BY_GROUP, new GetConsumerListByGroupRequestHeader(group, null));
        ConsumerIdList list =
                JsonBodyCodec.decode(rpc.callOk(addr, request, TIMEOUT_MS).body(), ConsumerIdList.class);
        List<String> ids = new ArrayList<>(list.consumerIdList() == null ? List.of() : list.consumerIdList());
        ids.sort(null);
        return ids;
    }

    /** LOCK_BATCH_MQ: the subset of {@code queues} this client now holds. */
    public Set<MessageQueue> lock(String addr, String group, String clientId, Set<MessageQueue> queues) {
        RemotingCommand request = Rpc.request(RequestCode.LOCK_BATCH_MQ, null)
                .body(JsonBodyCodec.encode(new LockBatchRequest(clientId, group, queues, false)));
        LockBatchResult result =
                JsonBodyCodec.decode(rpc.callOk(addr, request, LOCK_TIMEOUT_MS).body(), LockBatchResult.class);
        return result.lockOKMQSet() == null ? Set.of() : result.lockOKMQSet();
    }

    /** UNLOCK_BATCH_MQ, waiting for the answer. */
    public void unlock(String addr, String group, String clientId, Set<MessageQueue> queues) {
        RemotingCommand request = Rpc.request(RequestCode.UNLOCK_BATCH_MQ, null)
                .body(JsonBodyCodec.encode(new LockBatchRequest(clientId, group, queues, false)));
        rpc.callOk(addr, request, LOCK_TIMEOUT_MS);
    }

    /** CONSUMER_SEND_MSG_BACK with delay level 0 ("the broker decides"). */
    public void sendBack(String addr, ConsumerSendMsgBackRequestHeader header) {
        rpc.callOk(addr, Rpc.request(RequestCode.CONSUMER_SEND_MSG_BACK, header), TIMEOUT_MS);
    }

    private static long offsetOf(RemotingCommand response) {
        String offset = response.extField("offset");
        if (offset == null) {
            throw new ClientException("offset response without an offset field");
        }
        return Long.parseLong(offset);
    }
}
