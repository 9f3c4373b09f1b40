package io.ferrymq.transaction;

/**
 * The system topic a half message is stored under until its transaction ends: queue {@link
 * #QUEUE_ID} of {@link #NAME}, invisible to consumers, with its real topic and queue in {@code
 * REAL_TOPIC}/{@code REAL_QID} ({@link HalfRecords#halfProperties}). The name is RocketMQ's, so tools
 * that know it recognise it. Constants only.
 */
public final class HalfTopic {
    public static final String NAME = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final int QUEUE_ID = 0;

    private HalfTopic() {}
}
