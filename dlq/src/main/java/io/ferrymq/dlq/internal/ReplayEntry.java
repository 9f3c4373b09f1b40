package io.ferrymq.dlq.internal;

/**
 * The durable state of one dead letter's replay ({@link DlqLayout}): an intent (recorded before the
 * append) or done (the append confirmed). Immutable.
 *
 * @param searchFromOffset the commit log's written offset just before the append
 * @param doneAtMs -1 for an intent
 * @param physicalOffset the replayed record's commit-log offset; -1 for an intent
 * @param queueOffset its queue offset; -1 for an intent
 */
public record ReplayEntry(
        boolean done,
        long intentAtMs,
        long searchFromOffset,
        String targetTopic,
        long doneAtMs,
        long physicalOffset,
        long queueOffset) {

    public static ReplayEntry intent(long atMs, long searchFromOffset, String targetTopic) {
        return new ReplayEntry(false, atMs, searchFromOffset, targetTopic, -1, -1, -1);
    }

    public ReplayEntry doneAt(long atMs, long physicalOffset, long queueOffset) {
        return new ReplayEntry(true, intentAtMs, searchFromOffset, targetTopic, atMs, physicalOffset, queueOffset);
    }
}
