package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** DELETE_KV_CONFIG (102) request header. Immutable. */
public record DeleteKVConfigRequestHeader(
        @Required String namespace, @Required String key) {}
