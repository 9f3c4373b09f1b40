package io.ferrymq.broker.internal.send;

import io.ferrymq.commitlog.MessageRecord;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.header.broker.SendHeaderCodec;
import io.ferrymq.protocol.header.broker.SendMessageRequestHeader;
import io.ferrymq.protocol.message.EncodableMessage;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * SEND_MESSAGE (10, V1 header keys) and SEND_MESSAGE_V2 (310, keys {@code a}…{@code n}): one message,
 * the request body as its body. A message with a delivery time ahead is parked for the scheduler
 * ({@link DelayPlacement}); a transaction's half message is stored invisible under the half topic. Answers errors at once and success when the append completes (returning
 * null here). Thread-safe.
 */
public final class SingleSendHandler implements RequestHandler {
    private final SendHeaderCodec codec;
    private final SendPipeline pipeline;

    /** @param codec {@link SendHeaderCodec#V1} for SEND_MESSAGE, {@link SendHeaderCodec#V2} for V2 */
    public SingleSendHandler(SendHeaderCodec codec, SendPipeline pipeline) {
        this.codec = codec;
        this.pipeline = pipeline;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        SendMessageRequestHeader header = codec.decode(request.extFields());
        byte[] body = request.body();
        try {
            SendTarget target = pipeline.admit(header, channel, body.length);
            byte[] given = MessageProperties.toBytes(header.properties());
            BrokerProperties.Prepared properties = pipeline.properties(given, 0, given.length);
            DelayPlacement.Placement placement = pipeline.placement(properties, target, header);
            String peer = channel.remoteAddress();
            EncodableMessage.Builder message = pipeline.message(
                            header,
                            target,
                            SendPipeline.addressOf(peer),
                            SendPipeline.portOf(peer),
                            placement != null && placement.half())
                    .body(body);
            if (placement == null) {
                message.properties(properties.bytes());
            } else {
                message.topic(placement.topic()).queueId(placement.queueId()).properties(placement.properties());
            }
            pipeline.appendOne(
                    channel, request, new MessageRecord(message.build()), target.queueId(), properties.uniqKey());
            return null;
        } catch (SendRejection rejection) {
            return rejection.responseTo(request);
        }
    }
}
