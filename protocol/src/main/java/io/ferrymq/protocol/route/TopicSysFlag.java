package io.ferrymq.protocol.route;

/**
 * The {@code topicSysFlag} bits of topic configs and queue data: bit 0 marks a unit topic, bit 1 a
 * topic with a unit subscription. Normal topics carry 0. Stateless.
 */
public final class TopicSysFlag {
    public static final int FLAG_UNIT = 0x1;
    public static final int FLAG_UNIT_SUB = 0x2;

    private TopicSysFlag() {}

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) == FLAG_UNIT;
    }

    public static boolean hasUnitSubFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT_SUB) == FLAG_UNIT_SUB;
    }

    public static int build(boolean unit, boolean hasUnitSub) {
        return (unit ? FLAG_UNIT : 0) | (hasUnitSub ? FLAG_UNIT_SUB : 0);
    }
}
