package io.ferrymq.protocol.route;

import java.util.List;

/**
 * The body of a REGISTER_BROKER request: the broker's topic table and its filter servers. Travels as
 * JSON or, with {@code compressed=true}, in the deflated layout of {@link RegisterBrokerBodyCodec}.
 * Immutable.
 */
public record RegisterBrokerBody(
        TopicConfigSerializeWrapper topicConfigSerializeWrapper, List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }
}
