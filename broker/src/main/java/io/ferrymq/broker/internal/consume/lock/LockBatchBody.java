package io.ferrymq.broker.internal.consume.lock;

import io.ferrymq.broker.internal.consume.wire.MessageQueueJson;
import java.util.List;

/**
 * The body of LOCK_BATCH_MQ and UNLOCK_BATCH_MQ:
 * {@code {"consumerGroup":"g","clientId":"c","onlyThisBroker":false,"mqSet":[{"topic":..,"brokerName":..,"queueId":0}]}}.
 * {@code onlyThisBroker} is accepted and ignored (FerryMQ has no replicas to forward to). Immutable.
 */
public record LockBatchBody(
        String consumerGroup, String clientId, boolean onlyThisBroker, List<MessageQueueJson> mqSet) {

    public LockBatchBody {
        mqSet = mqSet == null ? List.of() : List.copyOf(mqSet);
    }

    /** The LOCK_BATCH_MQ answer: the queues now held by the caller. */
    public record LockedQueues(List<MessageQueueJson> lockOKMQSet) {}
}
