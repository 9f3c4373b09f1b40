package io.ferrymq.broker.internal.send;

import io.ferrymq.broker.internal.TopicConfigTable;
import io.ferrymq.broker.internal.retry.DeadLetterRouting;
import io.ferrymq.commitlog.AppendResult;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.consumequeue.MessageStore;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import io.ferrymq.protocol.route.TopicConfig;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.scheduler.TimerConfig;
import io.ferrymq.transaction.HalfRecords;
import io.ferrymq.transaction.HalfTopic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The steps every send shares: admission of the topic and queue, the broker's properties, the
 * record's fixed fields (born host = the producer's connection, store host = the advertised
 * address), the append, and the answer when it completes. Thread-safe.
 */
public final class SendPipeline {
    private static final byte[] UNKNOWN_HOST = new byte[4];

    private final SendSettings settings;
    private final MessageStore store;
    private final TopicAdmission admission;
    private final BrokerProperties properties;
    private final SendResponder responder;
    private final DelayPlacement delays;
    private final DeadLetterRouting deadLetters;

    public SendPipeline(
            SendSettings settings,
            TopicConfigTable topics,
            MessageStore store,
            UniqueKeyGenerator keys,
            InFlightSends inFlight,
            TimerConfig timers,
            Clock clock,
            DeadLetterRouting deadLetters) {
        this.settings = settings;
        this.store = store;
        this.admission = new TopicAdmission(settings, topics);
        this.properties = new BrokerProperties(settings, keys);
        this.responder = new SendResponder(settings, inFlight);
        this.delays = new DelayPlacement(timers, clock);
        this.deadLetters = deadLetters;
    }

    SendTarget admit(SendMessageRequestHeader header, RemoteChannel channel, int bodyBytes) throws SendRejection {
        if (bodyBytes > settings.maxMessageSize()) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "the message body size " + bodyBytes + " bytes exceeds the maximum " + settings.maxMessageSize()
                            + " (maxMessageSize)");
        }
        SpecialProperties.checkSysFlag(header.sysFlag());
        return admission.admit(header, channel.remoteAddress());
    }

    BrokerProperties.Prepared properties(byte[] array, int offset, int length) throws SendRejection {
        return properties.prepare(array, offset, length);
    }

    /**
     * Where a message goes when it is not simply stored where it was sent: a retry past its limit to
     * the group's dead-letter queue, a transaction's half message
     * under {@link HalfTopic} (invisible until committed), a delayed one to the scheduler. Null: store it
     * as sent.
     */
    DelayPlacement.Placement placement(
            BrokerProperties.Prepared prepared, SendTarget target, SendMessageRequestHeader header)
            throws SendRejection {
        String topic = target.topic().topicName();
        DeadLetterRouting.Route dead;
        try {
            dead = deadLetters.route(topic, header.reconsumeTimes(), header.maxReconsumeTimes(), prepared.bytes());
        } catch (IllegalArgumentException e) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        if (dead != null) {
            return new DelayPlacement.Placement(dead.topic(), dead.queueId(), dead.properties(), false, false);
        }
        if (prepared.special().transactional()) {
            try {
                return new DelayPlacement.Placement(
                        HalfTopic.NAME,
                        HalfTopic.QUEUE_ID,
                        HalfRecords.halfProperties(prepared.bytes(), topic, target.queueId()),
                        true,
                        true);
            } catch (IllegalArgumentException e) {
                throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
            }
        }
        return delays.place(prepared.special(), prepared.bytes(), topic, target.queueId());
    }

    /** A builder with everything but body and properties filled in. */
    EncodableMessage.Builder message(
            SendMessageRequestHeader header, SendTarget target, byte[] bornAddress, int bornPort) {
        return message(header, target, bornAddress, bornPort, false);
    }

    /** As above; a {@code half} message is stored with no transaction type in its sysFlag. */
    EncodableMessage.Builder message(
            SendMessageRequestHeader header, SendTarget target, byte[] bornAddress, int bornPort, boolean half) {
        int sysFlag = half ? HalfRecords.halfSysFlag(header.sysFlag()) : header.sysFlag();
        if (TopicConfig.SINGLE_TAG.equals(target.topic().topicFilterType())) {
            sysFlag &= ~MessageSysFlag.MULTI_TAGS_FLAG;
        } else {
            sysFlag |= MessageSysFlag.MULTI_TAGS_FLAG;
        }
        StoreHost host = settings.storeHost();
        return EncodableMessage.builder()
                .topic(target.topic().topicName())
                .queueId(target.queueId())
                .flag(header.flag())
                .sysFlag(sysFlag)
                .bornTimestamp(header.bornTimestamp())
                .bornHost(bornAddress, bornPort)
                .storeHost(host.address(), host.port().getAsInt())
                .reconsumeTimes(header.reconsumeTimes() == null ? 0 : header.reconsumeTimes());
    }

    /** @param queueId the queue the answer names: the one sent to, also for a message parked elsewhere */
    void appendOne(
            RemoteChannel channel,
            io.ferrymq.protocol.RemotingCommand request,
            MessageRecord record,
            int queueId,
            String uniqKey) {
        CompletableFuture<AppendResult> append = store.put(record);
        responder.whenStored(channel, request, append, queueId, uniqKey, new int[] {record.recordSize()});
    }

    void appendBatch(
            RemoteChannel channel,
            io.ferrymq.protocol.RemotingCommand request,
            List<MessageRecord> records,
            String batchUniqKey) {
        int[] sizes = new int[records.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = records.get(i).recordSize();
        }
        CompletableFuture<AppendResult> append = store.putBatch(records);
        responder.whenStored(channel, request, append, records.get(0).queueId(), batchUniqKey, sizes);
    }

    int maxMessageSize() {
        return settings.maxMessageSize();
    }

    /** The producer's address bytes from {@code host:port} (an IP literal: no lookup), or 0.0.0.0. */
    static byte[] addressOf(String peer) {
        int colon = peer.lastIndexOf(':');
        if (colon <= 0) {
            return UNKNOWN_HOST;
        }
        try {
            return InetAddress.getByName(peer.substring(0, colon)).getAddress();
        } catch (UnknownHostException e) {
            return UNKNOWN_HOST;
        }
    }

    static int portOf(String peer) {
        int colon = peer.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(peer.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
