package io.ferrymq.protocol.header.namesrv;

/** GET_KV_CONFIG (101) response header: the value found. Immutable. */
public record GetKVConfigResponseHeader(String value) {}
