package io.ferrymq.client.internal.producer;

import io.ferrymq.client.ClientException;
import io.ferrymq.client.MessageQueue;
import io.ferrymq.client.SendResult;
import io.ferrymq.client.internal.RouteTable;
import io.ferrymq.client.internal.Rpc;
import io.ferrymq.protocol.RemotingCommand;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends {@link OutgoingMessage}s to brokers: synchronously, asynchronously or oneway, retrying
 * retryable failures on another queue (preferably another broker) within one overall send timeout.
 * Used by the producer and by the consumer's retry fall-back. Thread-safe.
 */
public final class MessageSender {
    private final Rpc rpc;
    private final RouteTable routes;
    private final PublishQueues publishQueues;
    private final SendSettings settings;
    private final Clock clock;
    private final Executor asyncExecutor;

    public MessageSender(
            Rpc rpc,
            RouteTable routes,
            PublishQueues publishQueues,
            SendSettings settings,
            Clock clock,
            Executor asyncExecutor) {
        this.rpc = rpc;
        this.routes = routes;
        this.publishQueues = publishQueues;
        this.settings = settings;
        this.clock = clock;
        this.asyncExecutor = asyncExecutor;
    }

    public SendSettings settings() {
        return settings;
    }

    /** The topic's writable queues (fetching routes if needed). */
    public List<MessageQueue> queues(String topic) {
        return publishQueues.of(topic);
    }

    /** Sends and waits, retrying as {@link SendRetryPolicy} allows. */
    public SendResult send(OutgoingMessage message, QueuePick pick) {
        checkSize(message);
        long deadline = clock.millis() + settings.sendTimeoutMs();
        String failedBroker = null;
        for (int attempt = 0; ; attempt++) {
            MessageQueue queue = pick.pick(publishQueues.of(message.topic()), failedBroker);
            try {
                return attempt(message, queue, remaining(deadline, message, attempt));
            } catch (ClientException e) {
                if (!settings.retryPolicy().shouldRetry(e, attempt) || clock.millis() >= deadline) {
                    throw e;
                }
                failedBroker = queue.brokerName();
            }
        }
    }

    /** Sends without blocking the caller; the future completes with the result or the last failure. */
    public CompletableFuture<SendResult> sendAsync(OutgoingMessage message, QueuePick pick) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        try {
            checkSize(message);
        } catch (ClientException e) {
            return CompletableFuture.failedFuture(e);
        }
        long deadline = clock.millis() + settings.sendTimeoutMs();
        asyncExecutor.execute(() -> attemptAsync(message, pick, 0, null, deadline, result));
        return result;
    }

    /** Sends oneway to one queue; no answer, no retry. */
    public void sendOneway(OutgoingMessage message, QueuePick pick) {
        checkSize(message);
        MessageQueue queue = pick.pick(publishQueues.of(message.topic()), null);
        rpc.oneway(addrOf(queue), SendCodec.request(message, queue, settings.producerGroup(), clock.millis()));
    }

    private void attemptAsync(
            OutgoingMessage message,
            QueuePick pick,
            int attempt,
            String failedBroker,
            long deadline,
            CompletableFuture<SendResult> result) {
        MessageQueue queue;
        String addr;
        RemotingCommand request;
        long timeoutMs;
        try {
            queue = pick.pick(publishQueues.of(message.topic()), failedBroker);
            addr = addrOf(queue);
            timeoutMs = remaining(deadline, message, attempt);
            request = SendCodec.request(message, queue, settings.producerGroup(), clock.millis());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        rpc.callAsync(addr, request, timeoutMs)
                .whenCompleteAsync(
                        (response, failure) -> {
                            try {
                                if (failure != null) {
                                    throw failure instanceof ClientException c
                                            ? c
                                            : new ClientException(failure.toString(), failure);
                                }
                                result.complete(SendCodec.result(response, message, queue, addr));
                            } catch (ClientException e) {
                                if (settings.retryPolicy().shouldRetry(e, attempt) && clock.millis() < deadline) {
                                    attemptAsync(message, pick, attempt + 1, queue.brokerName(), deadline, result);
                                } else {
                                    result.completeExceptionally(e);
                                }
                            }
                        },
                        asyncExecutor);
    }

    private SendResult attempt(OutgoingMessage message, MessageQueue queue, long timeoutMs) {
        String addr = addrOf(queue);
        RemotingCommand request = SendCodec.request(message, queue, settings.producerGroup(), clock.millis());
        return SendCodec.result(rpc.call(addr, request, timeoutMs), message, queue, addr);
    }

    private String addrOf(MessageQueue queue) {
        String addr = routes.masterAddr(queue.brokerName());
        if (addr == null) {
            throw new ClientException("no master address known for broker " + queue.brokerName());
        }
        return addr;
    }

    private long remaining(long deadline, OutgoingMessage message, int attempt) {
        long remaining = deadline - clock.millis();
        if (remaining <= 0) {
            throw new ClientException("send of " + message.msgId() + " timed out after " + attempt + " attempt(s)");
        }
        return remaining;
    }

    private void checkSize(OutgoingMessage message) {
        if (message.body().length > settings.maxMessageBytes()) {
            throw new ClientException("message body of " + message.body().length + " bytes is over the limit of "
                    + settings.maxMessageBytes());
        }
    }
}
