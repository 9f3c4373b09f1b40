package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageView;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.client.internal.producer.MessageSender;
import io.ferrymq.client.internal.producer.OutgoingMessage;
import io.ferrymq.client.internal.producer.QueuePick;
import io.ferrymq.protocol.header.broker.ConsumerSendMsgBackRequestHeader;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns a message the listener could not consume (wire-protocol §4.7): CONSUMER_SEND_MSG_BACK with
 * delay level 0 to the broker it came from; if that fails, a normal send to {@code %RETRY%<group>}
 * through the inner producer group carrying RETRY_TOPIC, ORIGIN_MESSAGE_ID, DELAY and the reconsume
 * counts. Thread-safe.
 */
public final class RetrySender {
    /** The producer group of the client's own retry sends. */
    public static final String INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";

    private static final Logger LOG = LoggerFactory.getLogger(RetrySender.class);

    private final ConsumerRpc rpc;
    private final RouteTable routes;
    private final MessageSender innerSender;
    private final String group;
    private final int maxReconsumeTimes;
    private final QueuePick pick = QueuePick.roundRobin(new AtomicInteger());

    public RetrySender(
            ConsumerRpc rpc, RouteTable routes, MessageSender innerSender, String group, int maxReconsumeTimes) {
        this.rpc = rpc;
        this.routes = routes;
        this.innerSender = innerSender;
        this.group = group;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    /** Whether the message is safely back with a broker. */
    public boolean sendBack(MessageView message) {
        try {
            String addr = routes.masterAddr(message.brokerName());
            if (addr == null) {
                throw new ClientException("no master address known for broker " + message.brokerName());
            }
            rpc.sendBack(
                    addr,
                    new ConsumerSendMsgBackRequestHeader(
                            message.commitLogOffset(),
                            group,
                            0,
                            message.msgId(),
                            message.topic(),
                            false,
                            maxReconsumeTimes,
                            message.brokerName()));
            return true;
        } catch (ClientException e) {
            LOG.info("send-back of {} failed ({}); re-sending to the retry topic", message.msgId(), e.getMessage());
        }
        try {
            innerSender.send(retryMessage(message, group, maxReconsumeTimes), pick);
            return true;
        } catch (ClientException e) {
            LOG.warn("re-sending {} to the retry topic failed: {}", message.msgId(), e.getMessage());
            return false;
        }
    }

    /**
     * Parks a message the listener gave up on in {@code %DLQ%<group>}: CONSUMER_SEND_MSG_BACK with
     * delay level -1; if that fails, a send to the retry topic with a reconsume count past the maximum,
     * which the broker turns into a dead letter. Whether the message is safely with a broker.
     */
    public boolean sendToDeadLetter(MessageView message) {
        try {
            String addr = routes.masterAddr(message.brokerName());
            if (addr == null) {
                throw new ClientException("no master address known for broker " + message.brokerName());
            }
            rpc.sendBack(
                    addr,
                    new ConsumerSendMsgBackRequestHeader(
                            message.commitLogOffset(),
                            group,
                            -1,
                            message.msgId(),
                            message.topic(),
                            false,
                            maxReconsumeTimes,
                            message.brokerName()));
            return true;
        } catch (ClientException e) {
            LOG.info("dead-lettering {} failed ({}); re-sending past the retry limit", message.msgId(), e.getMessage());
        }
        try {
            OutgoingMessage retry = retryMessage(message, group, maxReconsumeTimes);
            innerSender.send(
                    new OutgoingMessage(
                            retry.topic(),
                            retry.flag(),
                            retry.body(),
                            retry.sysFlag(),
                            retry.properties(),
                            retry.msgId(),
                            Math.max(maxReconsumeTimes, 0) + 1,
                            maxReconsumeTimes,
                            false),
                    pick);
            return true;
        } catch (ClientException e) {
            LOG.warn("dead-lettering {} failed: {}", message.msgId(), e.getMessage());
            return false;
        }
    }

    /** The client-side retry message of §4.7. */
    public static OutgoingMessage retryMessage(MessageView message, String group, int maxReconsumeTimes) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.putIfAbsent(MessageProperty.RETRY_TOPIC, message.topic());
        properties.putIfAbsent(MessageProperty.ORIGIN_MESSAGE_ID, message.msgId());
        properties.put(MessageProperty.DELAY, Integer.toString(3 + message.reconsumeTimes()));
        properties.remove(MessageProperty.RECONSUME_TIME);
        properties.remove(MessageProperty.MAX_RECONSUME_TIMES);
        return new OutgoingMessage(
                "%RETRY%" + group,
                message.flag(),
                message.body(),
                0,
                MessageProperties.encodeToString(properties),
                message.msgId(),
                message.reconsumeTimes() + 1,
                maxReconsumeTimes,
                false);
    }
}
