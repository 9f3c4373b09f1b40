package io.ferrymq.client.internal.producer;

/**
 * A message (or batch) ready for the wire: its encoded properties, final body and sysFlag, and the
 * UNIQ_KEY(s) that become {@code SendResult.msgId}. Immutable.
 *
 * @param properties the SEND header's {@code i}
 * @param msgId the UNIQ_KEY, or the comma-joined keys of a batch
 * @param reconsumeTimes header {@code j} of a retry send, else null
 * @param maxReconsumeTimes header {@code l} of a retry send, else null
 */
public record OutgoingMessage(
        String topic,
        int flag,
        byte[] body,
        int sysFlag,
        String properties,
        String msgId,
        Integer reconsumeTimes,
        Integer maxReconsumeTimes,
        boolean batch) {}
