package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** GET_KV_CONFIG (101) request header. Immutable. */
public record GetKVConfigRequestHeader(
        @Required String namespace, @Required String key) {}
