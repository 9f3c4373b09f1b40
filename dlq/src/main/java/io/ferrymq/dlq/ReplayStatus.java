package io.ferrymq.dlq;

/** The outcome of replaying one dead letter. */
public enum ReplayStatus {
    /** Appended to the target topic now (or found appended by an earlier, interrupted replay). */
    REPLAYED,
    /** An earlier replay of this dead letter is recorded as done; nothing was appended. */
    ALREADY_REPLAYED,
    /** The group's DLQ holds no message with this id (never, or gone to retention). */
    NOT_FOUND,
    /** Not replayed (see the reason); replaying again is safe: it never appends twice. */
    FAILED
}
