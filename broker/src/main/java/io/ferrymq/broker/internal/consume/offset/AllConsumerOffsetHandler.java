package io.ferrymq.broker.internal.consume.offset;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import java.util.Map;

/**
 * GET_ALL_CONSUMER_OFFSET (43): every committed offset, RocketMQ's {@code
 * ConsumerOffsetSerializeWrapper}: {@code {"offsetTable":{"topic@group":{"0":5}}}}. Stateless.
 */
public final class AllConsumerOffsetHandler implements RequestHandler {
    private final ConsumerOffsetTable offsets;

    public AllConsumerOffsetHandler(ConsumerOffsetTable offsets) {
        this.offsets = offsets;
    }

    /** The answer's body. */
    public record ConsumerOffsetSerializeWrapper(Map<String, Map<Integer, Long>> offsetTable) {}

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        return Answers.success(request, JsonBodyCodec.encode(new ConsumerOffsetSerializeWrapper(offsets.all())));
    }
}
