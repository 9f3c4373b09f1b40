package io.ferrymq.client.internal.admin;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.client.internal.consumer.PullBodyDecoder;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.QueryMessageRequestHeader;
import io.ferrymq.protocol.header.broker.ViewMessageRequestHeader;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.OffsetMessageId;
import io.ferrymq.protocol.route.BrokerData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds stored messages by key (QUERY_MESSAGE) or by offset message id (VIEW_MESSAGE_BY_ID). Thread-safe. */
public final class MessageLookup {
    private final Rpc rpc;
    private final BrokerDirectory brokers;
    private final long timeoutMs;

    public MessageLookup(Rpc rpc, BrokerDirectory brokers, long timeoutMs) {
        this.rpc = rpc;
        this.brokers = brokers;
        this.timeoutMs = timeoutMs;
    }

    /** Asks every master of {@code topic}'s route; keeps the messages of that topic whose KEYS hold {@code key}. */
    public List<MessageView> byKey(String topic, String key, Instant begin, Instant end, int maxNum) {
        List<MessageView> found = new ArrayList<>();
        for (BrokerData broker : brokers.route(topic).brokerDatas()) {
            if (broker.masterAddr() == null) {
                continue;
            }
            QueryMessageRequestHeader header = new QueryMessageRequestHeader(
                    topic, key, maxNum, begin.toEpochMilli(), end.toEpochMilli(), null, broker.brokerName());
            RemotingCommand request = Rpc.request(RequestCode.QUERY_MESSAGE, header);
            Optional<RemotingCommand> response =
                    rpc.callFound(broker.masterAddr(), request, timeoutMs, ResponseCode.QUERY_NOT_FOUND);
            if (response.isEmpty()) {
                continue;
            }
            for (MessageView view : PullBodyDecoder.decode(response.get().body(), broker.brokerName(), null)) {
                if (view.topic().equals(topic) && view.keys().contains(key)) {
                    found.add(view);
                }
            }
        }
        return found;
    }

    /** Asks the broker that stored the message, whose address the id holds. */
    public MessageView byOffsetId(String offsetMsgId) {
        OffsetMessageId id = MessageIds.decodeOffsetMessageId(offsetMsgId);
        String addr = id.storeHost().getAddress().getHostAddress() + ":"
                + id.storeHost().getPort();
        RemotingCommand request = Rpc.request(
                RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(id.physicalOffset(), null, null));
        List<MessageView> views =
                PullBodyDecoder.decode(rpc.callOk(addr, request, timeoutMs).body(), brokers.brokerNameOf(addr), null);
        if (views.isEmpty()) {
            throw new ClientException("no message in the answer for " + offsetMsgId);
        }
        return views.get(0);
    }
}
