package io.ferrymq.protocol.header.broker;

/**
 * The header of VIEW_MESSAGE_BY_ID (33): the commit-log (physical) {@code offset} of one message;
 * 5.x clients add {@code topic}. Immutable; absent optional fields are null.
 */
public record ViewMessageRequestHeader(long offset, String topic, String bname) {}
