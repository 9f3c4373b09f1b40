package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361). Immutable.
 *
 * @param consumerGroup consumer group
 * @param topic topic, possibly {@code %RETRY%<group>}
 * @param queueId queue
 * @param queueOffset first logical offset wanted
 * @param maxMsgNums most messages wanted
 * @param sysFlag PullSysFlag bits: 0x1 commit offset, 0x2 suspend, 0x4 subscription, 0x10 lite pull
 * @param commitOffset the consumer's committed offset for the queue
 * @param suspendTimeoutMillis long-poll hold time, ms
 * @param subscription expression, sent only with the subscription flag; or null
 * @param subVersion version of the subscription the client uses
 * @param expressionType {@code TAG} or {@code SQL92}, or null
 * @param maxMsgBytes 5.x: most bytes wanted, or null
 * @param requestSource proxy only, or null
 * @param proxyFrowardClientId proxy only (RocketMQ's spelling), or null
 * @param bname target broker name, or null
 */
public record PullMessageRequestHeader(
        @Required String consumerGroup,
        @Required String topic,
        int queueId,
        long queueOffset,
        int maxMsgNums,
        int sysFlag,
        long commitOffset,
        long suspendTimeoutMillis,
        String subscription,
        long subVersion,
        String expressionType,
        Integer maxMsgBytes,
        Integer requestSource,
        String proxyFrowardClientId,
        String bname) {

    /** PullSysFlag: store {@code commitOffset} as the group's offset. */
    public static final int FLAG_COMMIT_OFFSET = 0x1;
    /** PullSysFlag: long polling allowed. */
    public static final int FLAG_SUSPEND = 0x2;
    /** PullSysFlag: use {@code subscription} from this request. */
    public static final int FLAG_SUBSCRIPTION = 0x4;
    /** PullSysFlag: obsolete class filter. */
    public static final int FLAG_CLASS_FILTER = 0x8;
    /** PullSysFlag: set by the lite pull consumer. */
    public static final int FLAG_LITE_PULL = 0x10;

    public boolean hasFlag(int mask) {
        return (sysFlag & mask) != 0;
    }
}
