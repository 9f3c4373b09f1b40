package io.ferrymq.client;

/**
 * What {@link Admin#replayDeadLetters} did with one dead letter.
 *
 * @param status REPLAYED, ALREADY_REPLAYED (an earlier replay delivered it; nothing was sent again),
 *     NOT_FOUND or FAILED
 * @param targetTopic where it went
 * @param reason why it failed or was skipped, or a note
 */
public record ReplayOutcome(String msgId, String status, String targetTopic, String reason) {}
