package io.ferrymq.protocol.route;

/**
 * One broker group's queues of a topic, an element of a route's {@code queueDatas}:
 * {@code {"brokerName":"broker-a","readQueueNums":4,"writeQueueNums":4,"perm":6,"topicSysFlag":0}}.
 * Immutable.
 */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {

    /** The queue data a broker's topic config announces. */
    public static QueueData of(String brokerName, TopicConfig topic) {
        return new QueueData(
                brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(), topic.topicSysFlag());
    }

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
    }
}
