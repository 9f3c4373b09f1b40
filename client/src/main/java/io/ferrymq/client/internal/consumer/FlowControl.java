package io.ferrymq.client.internal.consumer;

/**
 * When to stop pulling a queue: while it holds more than {@code maxMessages} or more than
 * {@code maxBytes} of body bytes received but not yet consumed. Immutable.
 */
public record FlowControl(int maxMessages, long maxBytes) {
    /** 1000 messages or 100 MiB per queue, RocketMQ's defaults. */
    public static final FlowControl DEFAULT = new FlowControl(1000, 100L * 1024 * 1024);

    public boolean shouldPause(ProcessQueue queue) {
        return queue.messageCount() > maxMessages || queue.messageBytes() > maxBytes;
    }
}
