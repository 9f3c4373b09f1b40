package io.ferrymq.protocol.header.broker;

/**
 * The response header of PULL_MESSAGE and LITE_PULL_MESSAGE; the four offsets are required on
 * every answer, whatever its code. Immutable.
 *
 * @param suggestWhichBrokerId broker id to pull from next; 0 is the master
 * @param nextBeginOffset where the client should pull next
 * @param minOffset the queue's minimum logical offset
 * @param maxOffset the queue's next offset to be written
 * @param offsetDelta static topics only, or null
 * @param topicSysFlag topic sysFlag, or null
 * @param groupSysFlag group sysFlag, or null
 * @param forbiddenType set with NO_PERMISSION, or null
 */
public record PullMessageResponseHeader(
        long suggestWhichBrokerId,
        long nextBeginOffset,
        long minOffset,
        long maxOffset,
        Long offsetDelta,
        Integer topicSysFlag,
        Integer groupSysFlag,
        Integer forbiddenType) {}
