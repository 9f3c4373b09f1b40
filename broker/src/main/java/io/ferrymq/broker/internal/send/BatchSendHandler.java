package io.ferrymq.broker.internal.send;

import io.ferrymq.broker.internal.topic.TopicNames;
import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.message.BatchBodyCodec;
import io.ferrymq.protocol.message.BatchEntry;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * SEND_BATCH_MESSAGE (320): the body holds several messages ({@link BatchBodyCodec}) for one topic and
 * queue, appended together with consecutive queue offsets. Refuses {@code %RETRY%} topics and topics
 * over 127 characters (MESSAGE_ILLEGAL), delayed messages (the official client never batches them),
 * a malformed body and a body over maxMessageSize. The
 * response's msgId lists every message's offset id; transactionId is the batch's UNIQ_KEY.
 * Thread-safe.
 */
public final class BatchSendHandler implements RequestHandler {
    private final SendPipeline pipeline;

    public BatchSendHandler(SendPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        SendMessageRequestHeader header = SendHeaderCodec.V2.decode(request.extFields());
        try {
            checkTopic(header.topic());
            SendTarget target = pipeline.admit(header, channel, request.body().length);
            List<BatchEntry> entries = decode(request.body());
            String peer = channel.remoteAddress();
            byte[] bornAddress = SendPipeline.addressOf(peer);
            int bornPort = SendPipeline.portOf(peer);
            List<MessageRecord> records = new ArrayList<>(entries.size());
            for (BatchEntry entry : entries) {
                BrokerProperties.Prepared properties =
                        pipeline.properties(entry.array(), entry.propertiesOffset(), entry.propertiesLength());
                if (properties.special().hasDelay()) {
                    throw new SendRejection(
                            ResponseCode.MESSAGE_ILLEGAL,
                            "a batch cannot carry delayed messages (DELAY or TIMER_* properties): send them one by one");
                }
                if (properties.special().transactional()) {
                    throw new SendRejection(
                            ResponseCode.MESSAGE_ILLEGAL, "a batch cannot carry transactional (half) messages");
                }
                records.add(new MessageRecord(pipeline.message(header, target, bornAddress, bornPort)
                        .flag(entry.flag())
                        .body(entry.array(), entry.bodyOffset(), entry.bodyLength())
                        .properties(properties.bytes())
                        .build()));
            }
            String batchKey = MessageProperties.find(header.properties(), MessageProperty.UNIQ_KEY);
            pipeline.appendBatch(channel, request, records, batchKey);
            return null;
        } catch (SendRejection rejection) {
            return rejection.responseTo(request);
        }
    }

    private static void checkTopic(String topic) throws SendRejection {
        if (topic.length() > TopicNames.MAX_LENGTH) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "batch topic is " + topic.length() + " characters long, at most " + TopicNames.MAX_LENGTH
                            + " are allowed");
        }
        if (TopicNames.isRetry(topic)) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL, "batch sends to retry topic[" + topic + "] are not allowed");
        }
    }

    private static List<BatchEntry> decode(byte[] body) throws SendRejection {
        try {
            return BatchBodyCodec.decode(body);
        } catch (IllegalArgumentException e) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
    }
}
