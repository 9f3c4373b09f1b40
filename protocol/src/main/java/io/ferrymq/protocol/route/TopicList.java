package io.ferrymq.protocol.route;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of topic names, {@code {"topicList":["A","B"]}}, optionally with a broker address (the
 * system-topic list names one broker to ask for more). Immutable.
 *
 * @param brokerAddr null unless the request kind defines it
 */
public record TopicList(Set<String> topicList, String brokerAddr) {

    public TopicList {
        topicList = topicList == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(topicList));
    }

    public TopicList(Set<String> topicList) {
        this(topicList, null);
    }
}
