package io.ferrymq.scheduler;

/**
 * The system topic a delayed message is stored under until it is due: queue {@link #QUEUE_ID} of
 * {@link #NAME}, with its real topic and queue in {@code REAL_TOPIC}/{@code REAL_QID} and its
 * delivery time in {@code TIMER_OUT_MS} ({@link TimerRecords#schedule}). The name is RocketMQ 5's, so
 * tools that know it recognise it. Constants only.
 */
public final class TimerTopic {
    public static final String NAME = "rmq_sys_wheel_timer";
    public static final int QUEUE_ID = 0;

    private TimerTopic() {}
}
