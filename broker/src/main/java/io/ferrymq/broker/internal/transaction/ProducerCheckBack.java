package io.ferrymq.broker.internal.transaction;

import io.ferrymq.broker.internal.consume.client.ClientConnection;
import io.ferrymq.broker.internal.consume.client.ClientRegistry;
import io.ferrymq.broker.internal.send.StoreHost;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.broker.CheckTransactionStateRequestHeader;
import io.ferrymq.protocol.message.MessageIds;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.StoredRecord;
import io.ferrymq.transaction.CheckBack;
import io.ferrymq.transaction.HalfRecords;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CHECK_TRANSACTION_STATE (39, oneway) for a half message to one live producer of its group,
 * on the connection that producer heartbeats on (wire-protocol §4.8): header {@code
 * tranStateTableOffset} (the half's queue offset), {@code commitLogOffset}, {@code msgId} = {@code
 * transactionId} = its UNIQ_KEY, {@code offsetMsgId}, {@code topic} (the real one), {@code bname};
 * body = the half re-encoded with its real topic ({@link HalfRecords#checkBody}), a wire copy only:
 * nothing is appended. Producers of the group take turns. Thread-safe.
 */
public final class ProducerCheckBack implements CheckBack {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerCheckBack.class);
    private static final HeaderBinding<CheckTransactionStateRequestHeader> HEADER =
            HeaderBinding.of(CheckTransactionStateRequestHeader.class);

    private final ClientRegistry clients;
    private final String brokerName;
    private final StoreHost storeHost;
    private final AtomicInteger turn = new AtomicInteger();

    public ProducerCheckBack(ClientRegistry clients, String brokerName, StoreHost storeHost) {
        this.clients = clients;
        this.brokerName = brokerName;
        this.storeHost = storeHost;
    }

    @Override
    public boolean check(String producerGroup, ByteBuffer halfRecord, long halfOffset, String uniqKey) {
        List<ClientConnection> live = clients.producers(producerGroup).stream()
                .filter(c -> c.channel().isActive())
                .toList();
        if (live.isEmpty()) {
            return false;
        }
        StoredRecord half = new StoredRecord().wrap(halfRecord, halfRecord.position());
        ByteBuffer body = HalfRecords.checkBody(half);
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        String realTopic = MessageProperties.find(
                half.buffer(), half.propertiesPosition(), half.propertiesLength(), MessageProperty.REAL_TOPIC);
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader(
                realTopic,
                half.queueOffset(),
                halfOffset,
                uniqKey,
                uniqKey,
                MessageIds.offsetMessageId(storeHost.address(), storeHost.port().getAsInt(), halfOffset),
                brokerName);
        RemotingCommand request = RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE)
                .extFields(HEADER.encode(header))
                .body(bytes)
                .markOneway();
        ClientConnection producer = live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
        try {
            producer.channel().invokeOneway(request);
            return true;
        } catch (RuntimeException e) {
            LOG.debug(
                    "cannot send a transaction check to {} of group {}: {}",
                    producer.channel().remoteAddress(),
                    producerGroup,
                    e.toString());
            return false;
        }
    }
}
