package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The logical header of SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320),
 * named as in the V1 form; {@link SendHeaderCodec} maps it to the V1 long keys and to the V2 keys
 * {@code a}…{@code n}. Immutable.
 *
 * @param producerGroup producer group ({@code a})
 * @param topic target topic ({@code b})
 * @param defaultTopic auto-create template, normally {@code TBW102} ({@code c})
 * @param defaultTopicQueueNums queue count for auto-create ({@code d})
 * @param queueId target queue; negative asks the broker to pick one ({@code e})
 * @param sysFlag message sysFlag: compression and transaction bits ({@code f})
 * @param bornTimestamp producer clock, ms ({@code g})
 * @param flag user flag, stored verbatim ({@code h})
 * @param properties encoded properties, or null ({@code i})
 * @param reconsumeTimes retry count of a {@code %RETRY%} send, or null ({@code j})
 * @param unitMode unit mode, or null ({@code k})
 * @param maxReconsumeTimes retry limit of a {@code %RETRY%} send, or null ({@code l})
 * @param batch true for SEND_BATCH_MESSAGE, or null ({@code m})
 * @param bname target broker name, or null ({@code n}; {@code bname} in V1)
 */
public record SendMessageRequestHeader(
        @Required String producerGroup,
        @Required String topic,
        @Required String defaultTopic,
        int defaultTopicQueueNums,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        String properties,
        Integer reconsumeTimes,
        Boolean unitMode,
        Integer maxReconsumeTimes,
        Boolean batch,
        String bname) {

    /** Whether this header announces a batch body. */
    public boolean isBatch() {
        return Boolean.TRUE.equals(batch);
    }
}
