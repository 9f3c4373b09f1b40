package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** PUT_KV_CONFIG (100) request header. Immutable. */
public record PutKVConfigRequestHeader(
        @Required String namespace,
        @Required String key,
        @Required String value) {}
