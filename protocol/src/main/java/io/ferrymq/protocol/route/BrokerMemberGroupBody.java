package io.ferrymq.protocol.route;

/** The body of a GET_BROKER_MEMBER_GROUP response, {@code {"brokerMemberGroup":{…}}}. Immutable. */
public record BrokerMemberGroupBody(BrokerMemberGroup brokerMemberGroup) {}
