package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.header.Required;

/**
 * The header of DELETE_SUBSCRIPTIONGROUP (207). (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP carries its
 * config as a body and has no header.) Immutable; absent optional fields are null.
 */
public record DeleteSubscriptionGroupRequestHeader(@Required String groupName, Boolean cleanOffset, String bname) {}
