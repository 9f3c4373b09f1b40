package io.ferrymq.client;

/** A listener's verdict on the messages it was given. */
public enum ConsumeResult {
    /** Done; the messages count as consumed. */
    SUCCESS,
    /**
     * Not done. A concurrent listener's messages come back later through the group's retry topic
     * (clustering; broadcasting only logs); an orderly listener's queue pauses for a second and the
     * same messages are offered again, in order.
     */
    RETRY_LATER
}
